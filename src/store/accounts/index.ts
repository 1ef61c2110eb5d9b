export type { AccountStore } from './account-store.js';
export type * from './types.js';
export { AUDIT_ACTIONS, DEFAULT_CLEARANCE, DEFAULT_COLLECTION_TLP, ROLES } from './types.js';
export {
  CollectionSlugSchema,
  LabelSchema,
  RoleSchema,
  TitleSchema,
  UsernameSchema,
} from './validate.js';
export { openAccountStore, collectionStoreLocation } from './server-home.js';
export { openSqliteAccountStore } from './sqlite-account-store.js';
export { openPostgresAccountStore, CONTROL_SCHEMA } from './postgres-account-store.js';
