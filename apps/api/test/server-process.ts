import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { apiRoot } from '../src/lib/paths';

/**
 * The real server (`src/server.ts`, run by tsx) in a child process, for tests that kill it the
 * hard way. Its JSON log lines are collected so a test can wait for what it reports.
 */
export interface ServerProcess {
  baseUrl: string;
  logs: Record<string, unknown>[];
  /** Resolves once a log line matches (or rejects after `timeoutMs`). */
  waitForLog(
    match: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  /** SIGKILL: no graceful shutdown, no cleanup; resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, as an orchestrator stops it. */
  stop(): Promise<void>;
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startServerProcess(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(apiRoot, 'src', 'server.ts')], {
    cwd: apiRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      SWIGS_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  let buffered = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        logs.push({ msg: line });
      }
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });

  async function waitForLog(match: (line: Record<string, unknown>) => boolean, wait = timeoutMs) {
    const deadline = Date.now() + wait;
    for (;;) {
      const found = logs.find(match);
      if (found) return found;
      if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}): ${stderr}`);
      if (Date.now() > deadline) throw new Error(`No matching log line. stderr: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  try {
    const listening = await waitForLog((line) =>
      /Server listening at http:\/\/127\.0\.0\.1:\d+/.test(String(line.msg)),
    );
    const baseUrl = /(http:\/\/127\.0\.0\.1:\d+)/.exec(String(listening.msg))![1]!;
    return {
      baseUrl,
      logs,
      waitForLog,
      async kill() {
        child.kill('SIGKILL');
        await waitForExit(child);
      },
      async stop() {
        child.kill('SIGTERM');
        await waitForExit(child);
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    await waitForExit(child);
    throw error;
  }
}

/** A TCP port on 127.0.0.1 where nothing listens (a mail server that is down). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address !== 'object') throw new Error('no port');
  return address.port;
}
