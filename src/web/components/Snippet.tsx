import type { SnippetPart } from '../api/types';

/** A search snippet: the parts the query hit are marked. Every part is rendered as text. */
export function Snippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <p className="snippet">
      {parts.map((part, index) =>
        part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </p>
  );
}
