import type { Brief, BriefEntity } from './brief-data.js';

/**
 * Markdown-escapes document-derived text: a name like `*Los* [Zetas](javascript:…)` must stay
 * text, and a pipe must not split a table cell. HTML is escaped too, since Markdown passes raw
 * HTML through to whatever renders it.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;');
}

function entityLines(entities: BriefEntity[]): string[] {
  return entities.map(
    (e) =>
      `- **${escapeMarkdown(e.name)}** — ${e.documents} document(s)` +
      (e.aliases.length ? `; also ${e.aliases.map(escapeMarkdown).join(', ')}` : ''),
  );
}

export function renderMarkdown(brief: Brief): string {
  const lines = [
    `**TLP:${brief.marking}**`,
    '',
    `# ${escapeMarkdown(brief.title)}`,
    '',
    `${brief.documents} document(s): ${escapeMarkdown(brief.scope)}.`,
    '',
    '## Who',
    '',
    ...entityLines(brief.people),
    '',
    '## Organisations',
    '',
    ...entityLines(brief.organizations),
    '',
    '## Where',
    '',
    ...brief.places.map(
      (p) =>
        `- **${escapeMarkdown(p.name)}** (${p.country}, ${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}) — ${p.documents} document(s)`,
    ),
    '',
    '## Key claims',
    '',
    '| Grade | Said by | Claim | Documents | Independent origins |',
    '| --- | --- | --- | --- | --- |',
    ...brief.claims.map(
      (c) =>
        `| ${c.code} | ${escapeMarkdown(c.speaker ?? 'unattributed')} | ${escapeMarkdown(c.text.slice(0, 240))} | ${c.documents} | ${c.independentOrigins}${c.circular ? ' (circular)' : ''} |`,
    ),
    '',
    '## When',
    '',
    '| Date | Mentioned as | Document |',
    '| --- | --- | --- |',
    ...brief.timeline.map(
      (e) => `| ${e.date} | ${escapeMarkdown(e.text)} | ${escapeMarkdown(e.documentTitle)} |`,
    ),
    '',
    'Grades are NATO Admiralty codes: source reliability A–F, information credibility 1–6. ' +
      'Circular: several documents repeat one origin; repetition is not corroboration.',
    '',
  ];
  return lines.join('\n');
}
