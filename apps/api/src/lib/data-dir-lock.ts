import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, unlinkSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { AppError } from './errors';

/**
 * PGlite has no file lock: two processes opening one data directory corrupt it. Every process that
 * opens the embedded database (the server, and CLI commands) first takes this lock: a Unix socket
 * in DATA_DIR that answers while its owner lives. A second process finds it answering and stops;
 * a socket left by a crashed process does not answer and is replaced.
 *
 * The server also takes requests on it — `swigs backup` asks the running server to make the dump,
 * since only the process holding the database may read it. The socket is mode 0600: only the
 * user running SWIGS (who can read DATA_DIR anyway) can talk to it.
 */

export type LockRole = 'server' | 'cli';

interface LockStatus {
  pid: number;
  role: LockRole;
}

/** Answers one request on the socket; `input` is its JSON body (undefined when it has none). */
export type ControlHandler = (input: unknown) => Promise<unknown>;

export interface DataDirLock {
  /** Serves `POST /<name>` on the socket with `handler` (e.g. `backup`, `export-site`). */
  handle(name: string, handler: ControlHandler): void;
  release(): Promise<void>;
}

/** Unix socket paths are limited to ~107 bytes: long data directories get one in the temp folder. */
export function controlSocketPath(dataDir: string): string {
  const inDataDir = path.join(path.resolve(dataDir), 'swigs.sock');
  if (inDataDir.length <= 100) return inDataDir;
  const hash = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), `swigs-${hash}.sock`);
}

interface ControlAnswer {
  status: number;
  body: unknown;
}

/** Sends a request (with `input` as its JSON body) to the lock holder of `dataDir`; undefined when nobody holds it. */
export function askLockHolder(
  dataDir: string,
  method: 'GET' | 'POST',
  route: string,
  timeoutMs = 5000,
  input?: unknown,
): Promise<ControlAnswer | undefined> {
  const body = input === undefined ? '' : JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        socketPath: controlSocketPath(dataDir),
        // One connection per question: a pooled keep-alive socket may be one the holder closed.
        agent: false,
        method,
        path: route,
        timeout: timeoutMs,
        headers: {
          'content-length': Buffer.byteLength(body),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          text += chunk;
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : null }),
        );
      },
    );
    request.on('timeout', () =>
      request.destroy(new Error('The process holding the data directory did not answer in time.')),
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') resolve(undefined);
      else reject(error);
    });
    request.end(body);
  });
}

/**
 * Takes the data-directory lock or throws DATA_DIR_BUSY naming the holder. `handle` registers what
 * the holder answers to on the socket.
 */
export async function lockDataDir(dataDir: string, role: LockRole): Promise<DataDirLock> {
  const socketPath = controlSocketPath(dataDir);
  const holder = await askLockHolder(dataDir, 'GET', '/status', 2000).catch(() => undefined);
  if (holder) {
    const status = holder.body as LockStatus;
    throw new AppError(
      'DATA_DIR_BUSY',
      `${dataDir} is in use by another SWIGS process (${status.role}, pid ${status.pid}). The embedded database must never be opened twice.`,
    );
  }
  try {
    unlinkSync(socketPath); // left by a process that died
  } catch {}
  mkdirSync(path.dirname(socketPath), { recursive: true });

  const handlers = new Map<string, ControlHandler>();
  const server = http.createServer(async (request, response) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    // Requests are small JSON documents (a file path and options), from the same user.
    let text = '';
    for await (const chunk of request) {
      text += chunk;
      if (text.length > 64 * 1024) return reply(413, { message: 'Request too large.' });
    }
    if (request.method === 'GET' && request.url === '/status') return reply(200, { pid: process.pid, role });
    const handler = request.method === 'POST' ? handlers.get((request.url ?? '').slice(1)) : undefined;
    if (!handler) return reply(404, { message: `Nothing answers ${request.method} ${request.url} here.` });
    let input: unknown;
    try {
      input = text ? JSON.parse(text) : undefined;
    } catch {
      return reply(400, { message: 'The request body is not JSON.' });
    }
    handler(input).then(
      (result) => reply(200, result),
      (error: unknown) =>
        reply(error instanceof AppError ? error.status : 500, {
          code: error instanceof AppError ? error.code : 'INTERNAL_ERROR',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  chmodSync(socketPath, 0o600);
  server.unref();

  return {
    handle(name, handler) {
      handlers.set(name, handler);
    },
    async release() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      try {
        unlinkSync(socketPath);
      } catch {}
    },
  };
}
