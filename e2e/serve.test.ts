import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerServe } from '../src/cli/commands/serve.js';
import type { Output } from '../src/cli/context.js';
import { CrosscheckError } from '../src/core/index.js';
import { openStore } from '../src/store/index.js';

function recordingOutput() {
  const lines: string[] = [];
  const output: Output = {
    out: (line) => lines.push(line),
    err: (line) => lines.push(line),
    json: (value) => lines.push(JSON.stringify(value)),
    isTTY: false,
  };
  return { lines, output };
}

/** The program as the CLI builds it: a global --store flag, then the command. */
function program(output: Output): Command {
  const command = new Command('crosscheck').option('--store <location>').exitOverride();
  registerServe(command, output);
  return command;
}

async function waitFor<T>(probe: () => T | undefined): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('timed out');
}

describe('crosscheck serve', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'crosscheck-serve-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('serves the store until SIGINT, then closes it', async () => {
    const store = join(dir, 'store.sqlite');
    const { lines, output } = recordingOutput();
    const listenersBefore = process.listenerCount('SIGINT');
    const running = program(output).parseAsync(
      ['--store', store, 'serve', '--port', '0', '--upload-dir', join(dir, 'uploads')],
      { from: 'user' },
    );

    const url = await waitFor(() => /at (http:\/\/127\.0\.0\.1:\d+)$/.exec(lines[0] ?? '')?.[1]);
    expect(lines[0]).toContain(`serving ${store}`);
    const health = await fetch(`${url}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', store: 'sqlite' });
    expect(health.headers.get('content-security-policy')).toContain("default-src 'self'");

    process.emit('SIGINT', 'SIGINT');
    await running;
    expect(lines.at(-1)).toMatch(/SIGINT received/);
    expect(process.listenerCount('SIGINT')).toBe(listenersBefore);
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
    // The store was closed cleanly: it opens again at once.
    await (await openStore(store)).close();
  });

  it('rejects a bad port as a usage error naming the flag', async () => {
    const { output } = recordingOutput();
    const running = program(output).parseAsync(
      ['--store', join(dir, 's.sqlite'), 'serve', '--port', '99999'],
      {
        from: 'user',
      },
    );
    await expect(running).rejects.toThrow(CrosscheckError);
    await expect(running).rejects.toThrow(/--port/);
  });

  it('says which port is taken, and closes the store', async () => {
    const blocker = await new Promise<Server>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => resolve(server));
    });
    const port = (blocker.address() as AddressInfo).port;
    const { output } = recordingOutput();
    const running = program(output).parseAsync(
      ['--store', join(dir, 's.sqlite'), 'serve', '--port', String(port)],
      { from: 'user' },
    );
    await expect(running).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      hint: expect.stringMatching(/--port/),
    });
    blocker.close();
  });
});
