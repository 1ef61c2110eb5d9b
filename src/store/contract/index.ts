import { analystRecordsContract } from './analyst-records.contract.js';
import { claimsContract } from './claims.contract.js';
import { claimStorageContract } from './claim-storage.contract.js';
import { documentsContract, type StoreFactory } from './documents.contract.js';
import { entitiesContract } from './entities.contract.js';
import { hypothesesContract } from './hypotheses.contract.js';
import { extractionContract } from './extraction.contract.js';
import { reuseContract } from './reuse.contract.js';
import { searchContract } from './search.contract.js';
import { tlpContract } from './tlp.contract.js';

export type { StoreFactory };

/** The behaviour every Store implementation must have, split by feature. */
export function storeContract(open: StoreFactory): void {
  documentsContract(open);
  searchContract(open);
  extractionContract(open);
  reuseContract(open);
  claimsContract(open);
  claimStorageContract(open);
  entitiesContract(open);
  hypothesesContract(open);
  tlpContract(open);
  analystRecordsContract(open);
}
