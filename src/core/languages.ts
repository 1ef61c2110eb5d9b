/** The languages Crosscheck extracts from. `und` means undetermined (too short, or another language). */
export const SUPPORTED_LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number] | 'und';

export function isLanguage(value: string): value is Language {
  return value === 'und' || (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}
