import { franc } from 'franc';
import { findDateline } from '../dates.js';

/**
 * What the evaluation may know about a plain-text document without peeking at the gold answers:
 * its language (franc's trigram model) and a publication date only when the text opens with a
 * line that is nothing but a date.
 */
export function detectLanguage(text: string): 'en' | 'es' | 'und' {
  const code = franc(text.slice(0, 4000), { only: ['eng', 'spa'], minLength: 20 });
  return code === 'eng' ? 'en' : code === 'spa' ? 'es' : 'und';
}

export function detectPublishedDate(text: string, language: 'en' | 'es' | 'und'): string | null {
  return findDateline(text, language)?.value ?? null;
}
