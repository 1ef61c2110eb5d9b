import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { TlpLevel } from '../../core/index.js';
import { defaultIngestOptions } from '../../ingest/index.js';
import { runAnalysis, runExtraction, runIngest } from '../../pipeline/index.js';
import { openAccountStore, type AccountStore } from '../../store/index.js';
import { buildServer } from '../server.js';
import { collectionStores, type CollectionStores } from './collection-stores.js';

/** A word, a person and a quote that exist only in the RED document. */
export const RED_WORD = 'Nightjar';
export const RED_PERSON = 'Hendrik Vasquez';
export const RED_QUOTE = 'The Nightjar shipment leaves Puerto Quetzal on Friday';

const RED_TEXT =
  `Operation ${RED_WORD} briefing\n` +
  `Colonel ${RED_PERSON} met the brokers of Operation ${RED_WORD} at the container terminal of ` +
  `Puerto Quetzal on 3 March 2024. "${RED_QUOTE}," said ${RED_PERSON}.\n`;

const AMBER_TEXT =
  'Port inspections report\n' +
  'Customs officials in Puerto Quetzal said on 5 March 2024 that container inspections had ' +
  'doubled. "Inspections at the port doubled in March," said Maria Lopez, a customs spokeswoman.\n';

const OTHER_CASE_TEXT =
  'Harbour audit\nAuditors in Valparaiso reviewed the harbour accounts, said Jorge Ramirez.\n';

export interface ServerHome {
  /** A folder (SQLite) or a postgres:// URL. */
  server: string;
  drop(): Promise<void>;
}

export interface MultiUserFixture {
  server: string;
  accounts: AccountStore;
  stores: CollectionStores;
  /** Bearer tokens by user name. */
  tokens: Record<string, string>;
  uploadDir: string;
  build(
    rateLimit?: { max: number; timeWindow: number },
    trustProxy?: string,
  ): Promise<FastifyInstance>;
  cleanup(): Promise<void>;
}

async function ingestText(
  stores: CollectionStores,
  slug: string,
  dir: string,
  name: string,
  text: string,
  tlp: TlpLevel,
): Promise<void> {
  const path = join(dir, name);
  await writeFile(path, text);
  await runIngest(await stores.open(slug), [path], { ingest: defaultIngestOptions(), tlp });
}

/**
 * A multi-user server home with two collections filled through the real pipeline: `case-a`
 * holds an AMBER report and a RED one, `case-b` one report. Members: ana (analyst of case-a,
 * cleared RED), amy (analyst of case-a, default clearance AMBER+STRICT), rita (reader of case-a),
 * adam (admin of case-a), bob (admin of case-b only), root (server admin, no memberships).
 */
export async function createMultiUserFixture(home: ServerHome): Promise<MultiUserFixture> {
  const files = await mkdtemp(join(tmpdir(), 'crosscheck-multi-'));
  const accounts = await openAccountStore(home.server);
  const stores = collectionStores(home.server);
  await accounts.createCollection({ slug: 'case-a', title: 'Port of Quetzal' });
  await accounts.createCollection({ slug: 'case-b', title: 'Valparaiso', tlp: 'GREEN' });
  const tokens: Record<string, string> = {};
  for (const username of ['ana', 'amy', 'rita', 'adam', 'bob', 'root']) {
    await accounts.createUser({ username, serverAdmin: username === 'root' });
    tokens[username] = (await accounts.createToken(username, 'tests')).secret;
  }
  await accounts.grant({
    collection: 'case-a',
    username: 'ana',
    role: 'analyst',
    clearance: 'RED',
  });
  await accounts.grant({ collection: 'case-a', username: 'amy', role: 'analyst' });
  await accounts.grant({ collection: 'case-a', username: 'rita', role: 'reader' });
  await accounts.grant({ collection: 'case-a', username: 'adam', role: 'admin' });
  await accounts.grant({ collection: 'case-b', username: 'bob', role: 'admin' });

  await ingestText(stores, 'case-a', files, 'port.txt', AMBER_TEXT, 'AMBER');
  await ingestText(stores, 'case-a', files, 'nightjar.txt', RED_TEXT, 'RED');
  await ingestText(stores, 'case-b', files, 'harbour.txt', OTHER_CASE_TEXT, 'GREEN');
  for (const slug of ['case-a', 'case-b']) {
    const store = await stores.open(slug);
    await runExtraction(store, { workers: 0 });
    await runAnalysis(store);
  }

  const apps: FastifyInstance[] = [];
  return {
    server: home.server,
    accounts,
    stores,
    tokens,
    uploadDir: join(files, 'uploads'),
    async build(rateLimit, trustProxy) {
      const app = await buildServer({
        multiUser: {
          accounts,
          openCollection: (slug) => stores.open(slug),
          ...(rateLimit && { rateLimit }),
        },
        uploadDir: join(files, 'uploads'),
        webRoot: null,
        ...(trustProxy !== undefined && { trustProxy }),
      });
      apps.push(app);
      return app;
    },
    async cleanup() {
      for (const app of apps) await app.close();
      await stores.closeAll();
      await accounts.close();
      await home.drop();
      await rm(files, { recursive: true, force: true });
    },
  };
}
