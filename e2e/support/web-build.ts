import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';
import { REPO_ROOT, WEB_ROOT } from './paths.js';

const LOCK = join(REPO_ROOT, 'test-output', '.web-build.lock');
const STALE_LOCK_MS = 5 * 60_000;

async function newestSourceTime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? await newestSourceTime(path) : (await stat(path)).mtimeMs;
    newest = Math.max(newest, time);
  }
  return newest;
}

/** Built, and built after the last change to the UI's sources or its Vite config. */
async function isFresh(): Promise<boolean> {
  const built = await stat(join(WEB_ROOT, 'index.html')).catch(() => null);
  if (!built) return false;
  const sources = Math.max(
    await newestSourceTime(join(REPO_ROOT, 'src', 'web')),
    (await stat(join(REPO_ROOT, 'vite.config.ts'))).mtimeMs,
  );
  return built.mtimeMs >= sources;
}

/** A lock folder (mkdir is atomic), so test files running in parallel build the UI only once. */
async function withLock(action: () => Promise<void>): Promise<void> {
  await mkdir(join(REPO_ROOT, 'test-output'), { recursive: true });
  for (;;) {
    try {
      await mkdir(LOCK);
      break;
    } catch {
      const held = await stat(LOCK).catch(() => null);
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS)
        await rm(LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    await action();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}

/** The browser tests drive the built UI; build it when it is missing or older than its sources. */
export async function ensureWebBuilt(): Promise<string> {
  if (await isFresh()) return WEB_ROOT;
  await withLock(async () => {
    if (await isFresh()) return;
    await build({ configFile: join(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  });
  return WEB_ROOT;
}
