import { escapeXml } from '../graph/xml.js';
import type { Brief, BriefEntity } from './brief-data.js';
import { svgMap } from './svg-map.js';

/** HTML-escapes text for element content and quoted attributes (XML escaping is a superset). */
const h = (value: string | number) => escapeXml(value);

/**
 * No script may run in a brief, whatever a document says: every document-derived string is
 * escaped, and the Content-Security-Policy forbids scripts, remote loads and forms outright.
 */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'";

const STYLE = `
body { font-family: Georgia, serif; max-width: 52rem; margin: 2rem auto; color: #222; line-height: 1.45; }
h1, h2 { font-family: Helvetica, Arial, sans-serif; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border-bottom: 1px solid #ccc; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
.grade { font-family: monospace; font-weight: bold; }
.circular { color: #b03a2e; }
svg { width: 100%; height: auto; border: 1px solid #ccc; }
/* TLP 2.0 colours (FIRST): black ground, coloured label, so it prints as it is meant. */
.tlp { display: inline-block; background: #000; font: bold 0.9rem monospace; padding: 0.2rem 0.5rem; }
.tlp-clear { color: #fff; } .tlp-green { color: #33ff00; } .tlp-amber { color: #ffc000; } .tlp-red { color: #ff2b2b; }
`;

function entityList(entities: BriefEntity[]): string {
  if (entities.length === 0) return '<p>None named.</p>';
  return `<ul>${entities
    .map(
      (e) =>
        `<li><strong>${h(e.name)}</strong> — ${e.documents} document(s)` +
        (e.aliases.length ? `; also ${e.aliases.map(h).join(', ')}` : '') +
        '</li>',
    )
    .join('')}</ul>`;
}

/** The map's places as text too: labels of nearby places overlap, and screen readers need words. */
function placeList(brief: Brief): string {
  if (brief.places.length === 0) return '<p>No geocoded places.</p>';
  return `<ul>${brief.places
    .map((p) => `<li>${h(p.name)} (${h(p.country)}) — ${p.documents} document(s)</li>`)
    .join('')}</ul>`;
}

export function renderHtml(brief: Brief): string {
  const claims = brief.claims
    .map(
      (c) =>
        `<tr><td class="grade">${h(c.code)}</td><td>${h(c.speaker ?? 'unattributed')}</td>` +
        `<td>${h(c.text)}<br><small>${h(c.summary)}</small></td><td>${c.documents}</td>` +
        `<td${c.circular ? ' class="circular"' : ''}>${c.independentOrigins}${c.circular ? ' (circular)' : ''}</td></tr>`,
    )
    .join('');
  const timeline = brief.timeline
    .map((e) => `<tr><td>${h(e.date)}</td><td>${h(e.text)}</td><td>${h(e.documentTitle)}</td></tr>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(CSP)}">
<meta name="referrer" content="no-referrer">
<title>${h(brief.title)}</title><style>${STYLE}</style></head>
<body>
<p class="tlp tlp-${brief.marking === 'AMBER+STRICT' ? 'amber' : brief.marking.toLowerCase()}">TLP:${h(brief.marking)}</p>
<h1>${h(brief.title)}</h1>
<p>${brief.documents} document(s): ${h(brief.scope)}.</p>
<h2>Who</h2>${entityList(brief.people)}
<h2>Organisations</h2>${entityList(brief.organizations)}
<h2>Where</h2>${svgMap(brief.places)}${placeList(brief)}
<h2>Key claims</h2>
<table><thead><tr><th>Grade</th><th>Said by</th><th>Claim</th><th>Documents</th><th>Independent origins</th></tr></thead><tbody>${claims}</tbody></table>
<h2>When</h2>
<table><thead><tr><th>Date</th><th>Mentioned as</th><th>Document</th></tr></thead><tbody>${timeline}</tbody></table>
<p><small>Grades are NATO Admiralty codes: source reliability A–F, information credibility 1–6. Circular: several documents repeat one origin; repetition is not corroboration.</small></p>
</body></html>
`;
}
