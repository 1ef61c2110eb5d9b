import { foldForMatch, memoize } from '../../core/index.js';

/** foldForMatch, remembered: names recur within and across documents. */
export const foldName: (text: string) => string = memoize(foldForMatch);
