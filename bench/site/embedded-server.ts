import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningServer {
  pid: number;
  port: number;
  origin: string;
  stop(): Promise<void>;
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * The built server (`npm run build` first) on a brand-new embedded data directory, with the demo
 * site seeded at start, in the production profile. `taskset` pins it to one core.
 */
export async function startEmbeddedServer(options: { port: number; core?: string }): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'swigs-bench-site-'));
  const server = path.join(root, 'apps/api/dist/server.js');
  const env = {
    ...process.env,
    // The production profile, with its default log level (one line per request, to a discarded stdout).
    SWIGS_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    PORT: String(options.port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    ADMIN_EMAIL: 'bench@example.ch',
    ADMIN_PASSWORD: 'bench-password-not-secret',
    // One client address sends every request of a load test: without this, the global rate limit
    // (per address) answers most of them with 429 and the benchmark measures refusals.
    RATE_LIMIT_ALLOW: '127.0.0.1',
    // No load balancer to warn: stop at once.
    SHUTDOWN_DRAIN_SECONDS: '0',
  };
  const child = options.core
    ? spawn('taskset', ['-c', options.core, process.execPath, server], {
        env,
        stdio: ['ignore', 'ignore', 'inherit'],
      })
    : spawn(process.execPath, [server], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const origin = `http://127.0.0.1:${options.port}`;
  await waitFor(`${origin}/healthz`, child);
  return {
    pid: child.pid!,
    port: options.port,
    origin,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
