import type { Extraction } from '../api/analysis-types';
import { claimHref, entityHref } from '../router';
import { quoteId } from '../text/analysis-highlights';

type Quote = Extraction['quotes'][number];

/** Long quotes are cut in the list until selected, so one speech does not fill the panel. */
const shorten = (text: string, max = 180) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** The speaker's entity page, when a mention of the document names them. */
function speakerRef(extraction: Extraction, speaker: string) {
  const mention = extraction.mentions.find(
    (m) => m.normalized === speaker && (m.type === 'person' || m.type === 'organization'),
  );
  return mention ? { type: mention.type, name: speaker } : null;
}

function QuoteDetails({
  quote,
  extraction,
  claimId,
}: {
  quote: Quote;
  extraction: Extraction;
  claimId: string | null;
}) {
  const ref = quote.speaker ? speakerRef(extraction, quote.speaker) : null;
  return (
    <dl className="quote-details">
      <div className="field">
        <dt>Speaker</dt>
        <dd>
          {ref ? <a href={entityHref(ref)}>{quote.speaker}</a> : (quote.speaker ?? 'not found')}
        </dd>
      </div>
      <div className="field">
        <dt>Verb</dt>
        <dd>{quote.verb ?? '—'}</dd>
      </div>
      <div className="field">
        <dt>Said on</dt>
        <dd>{quote.saidOn ?? 'undated'}</dd>
      </div>
      {claimId && (
        <div className="field">
          <dt>Traced</dt>
          <dd>
            <a className="claim-link" href={claimHref(claimId)}>
              Where these words come from
            </a>
          </dd>
        </div>
      )}
    </dl>
  );
}

/**
 * Every quotation in the document with who said it, how and when. Clicking a quote in the text
 * selects it here; clicking one here brings it into view in the text.
 */
export function QuotesPanel({
  extraction,
  claimOf,
  selected,
  onSelect,
}: {
  extraction: Extraction;
  /** The traced claim of each quote, by the quote's index. */
  claimOf: ReadonlyMap<number, string>;
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  if (extraction.quotes.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="quotes-heading">
      <h2 id="quotes-heading">Quotes</h2>
      <ol className="quote-list">
        {extraction.quotes.map((quote, index) => {
          const id = quoteId(index);
          const current = id === selected;
          return (
            <li key={id} className={current ? 'selected' : undefined} data-panel-item={id}>
              <button
                type="button"
                className="link-button quote-text"
                aria-pressed={current}
                onClick={() => onSelect(id)}
              >
                “{current ? quote.text : shorten(quote.text)}”
              </button>
              {current ? (
                <QuoteDetails
                  quote={quote}
                  extraction={extraction}
                  claimId={claimOf.get(index) ?? null}
                />
              ) : (
                <p className="muted small">
                  {[quote.speaker, quote.verb].filter(Boolean).join(' ') || 'Speaker not found'}
                  {quote.saidOn && `, ${quote.saidOn}`}
                  {claimOf.has(index) && (
                    <>
                      {' · '}
                      <a className="claim-link" href={claimHref(claimOf.get(index)!)}>
                        traced claim
                      </a>
                    </>
                  )}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
