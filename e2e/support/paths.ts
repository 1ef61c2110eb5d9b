import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Third-party seed articles: read in place, never copied into the repository. */
export const SEEDS_DIR = resolve(REPO_ROOT, '../shared/corpus/seeds');
export const WEB_ROOT = join(REPO_ROOT, 'dist', 'web');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-output', 'screenshots');
/** The project's own sample corpus (news, leaks, a PDF, a table, an archive). */
export const SAMPLE_DIR = resolve(REPO_ROOT, 'sample/corpus');
