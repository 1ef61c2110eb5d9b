import type { DocumentResponse } from '../api/types';
import { formatBytes, formatDate, kindName, languageName } from '../format';
import { Fields } from './Fields';

/** What the document is and where it was found. */
export function DetailsPanel({ document }: { document: DocumentResponse }) {
  return (
    <section className="panel" aria-labelledby="details-heading">
      <h2 id="details-heading">Details</h2>
      <Fields
        label="Details"
        rows={[
          ['Id', <span className="mono break">{document.id}</span>],
          ['Type', `${kindName(document.kind)} (${document.mimeType})`],
          ['Language', languageName(document.language)],
          ['Published', document.publishedAt && formatDate(document.publishedAt)],
          ['Byline', document.byline],
          ['Size', formatBytes(document.sizeBytes)],
          ['Ingested', formatDate(document.ingestedAt)],
        ]}
      />
      <h3>Found at</h3>
      <ul className="origins">
        {document.origins.map((origin) => (
          <li key={origin} className="mono break">
            {origin}
          </li>
        ))}
      </ul>
    </section>
  );
}
