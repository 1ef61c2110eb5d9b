export type { Store } from './store.js';
export type * from './types.js';
export { SEARCH_COUNT_LIMIT } from './types.js';
export { openStore, DEFAULT_STORE_PATH, type OpenStoreOptions } from './open.js';
export { createScratchDatabase, type ScratchDatabase } from './postgres/scratch-database.js';
export { parseQuery } from './query/parse.js';
export type { QueryNode } from './query/ast.js';
export * from './accounts/index.js';
export { RestrictedViewError } from './visibility.js';
