/** Display helpers: plain functions, so every screen formats numbers and dates alike. */

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export const formatCount = (n: number) => n.toLocaleString('en');

/** Dates as stored (ISO): the day, plus the time when there is one. */
export function formatDate(iso: string | null): string {
  if (!iso) return 'undated';
  const match = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:T(\d{2}:\d{2}))?/.exec(iso);
  if (!match) return iso;
  return match[2] ? `${match[1]} ${match[2]} UTC` : match[1]!;
}

/** `3725` → `1 h 2 min`; seconds only under a minute. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export const shortId = (id: string) => id.slice(0, 12);

export const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  es: 'Spanish',
  und: 'Undetermined',
};

export const KIND_NAMES: Record<string, string> = {
  text: 'Text',
  markdown: 'Markdown',
  html: 'Web page',
  email: 'E-mail',
  pdf: 'PDF',
  'table-row': 'Table row',
  'json-record': 'JSON record',
  attachment: 'Attachment',
};

export const languageName = (code: string) => LANGUAGE_NAMES[code] ?? code;
export const kindName = (kind: string) => KIND_NAMES[kind] ?? kind;
