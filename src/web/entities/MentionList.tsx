import { useState } from 'react';
import type { EntityMentionInContext, EntityResponse } from '../api/analysis-types';
import { documentHref } from '../router';

/** Snippets shown per document before "show more": enough to judge, short enough to scan. */
const SHOWN_PER_DOCUMENT = 2;
/** Documents listed before "show all": the busiest first, so the first screen says the most. */
const SHOWN_DOCUMENTS = 12;

function Snippet({ mention }: { mention: EntityMentionInContext }) {
  return (
    <li>
      <a className="snippet-link" href={documentHref(mention.documentId, '', mention.start)}>
        <span>{mention.context.before}</span>
        <mark>{mention.context.match}</mark>
        <span>{mention.context.after}</span>
      </a>
    </li>
  );
}

function DocumentMentions({
  document,
  mentions,
}: {
  document: EntityResponse['documents'][number];
  mentions: EntityMentionInContext[];
}) {
  const [all, setAll] = useState(false);
  const shown = all ? mentions : mentions.slice(0, SHOWN_PER_DOCUMENT);
  return (
    <li className="mention-group">
      <h3 className="mention-document">
        <a href={documentHref(document.id, '', mentions[0]?.start ?? null)}>
          {document.title ?? '(untitled)'}
        </a>{' '}
        <span className="muted">×{document.mentions}</span>
      </h3>
      <ul className="snippets">
        {shown.map((m) => (
          <Snippet key={m.start} mention={m} />
        ))}
      </ul>
      {mentions.length > shown.length && (
        <button type="button" className="link-button small" onClick={() => setAll(true)}>
          {mentions.length - shown.length} more in this document
        </button>
      )}
    </li>
  );
}

/**
 * Every document naming the entity, most mentions first, each with its mentions in the words
 * around them; a snippet opens the reader at that very mention.
 */
export function MentionList({
  documents,
  mentions,
}: {
  documents: EntityResponse['documents'];
  mentions: EntityMentionInContext[];
}) {
  const [all, setAll] = useState(false);
  const shown = all ? documents : documents.slice(0, SHOWN_DOCUMENTS);
  const byDocument = new Map<string, EntityMentionInContext[]>();
  for (const m of mentions)
    byDocument.set(m.documentId, [...(byDocument.get(m.documentId) ?? []), m]);
  return (
    <>
      <ol className="mention-list">
        {shown.map((document) => (
          <DocumentMentions
            key={document.id}
            document={document}
            mentions={byDocument.get(document.id) ?? []}
          />
        ))}
      </ol>
      {documents.length > shown.length && (
        <button type="button" className="link-button" onClick={() => setAll(true)}>
          Show all {documents.length} documents
        </button>
      )}
    </>
  );
}
