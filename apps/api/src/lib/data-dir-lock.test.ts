import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { askLockHolder, controlSocketPath, lockDataDir } from './data-dir-lock';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'swigs-lock-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('data-directory lock', () => {
  it('lets one process in, tells the next who holds it, and serves its requests', async () => {
    const lock = await lockDataDir(dataDir, 'server');
    expect(statSync(controlSocketPath(dataDir)).mode & 0o777).toBe(0o600);
    await expect(lockDataDir(dataDir, 'cli')).rejects.toMatchObject({
      code: 'DATA_DIR_BUSY',
      message: expect.stringContaining(`server, pid ${process.pid}`),
    });

    lock.handle('backup', async () => ({ name: 'swigs-backup-x.tar.gz' }));
    expect(await askLockHolder(dataDir, 'POST', '/backup')).toEqual({
      status: 200,
      body: { name: 'swigs-backup-x.tar.gz' },
    });
    expect((await askLockHolder(dataDir, 'POST', '/restore'))?.status).toBe(404);

    await lock.release();
    expect(await askLockHolder(dataDir, 'GET', '/status')).toBeUndefined();
    const again = await lockDataDir(dataDir, 'cli');
    await again.release();
  });

  it('replaces the socket a killed process left behind', async () => {
    // A child takes the lock, then dies without releasing it.
    const script = `import('${path.resolve(import.meta.dirname, 'data-dir-lock.ts')}')`;
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `${script}.then((m) => m.lockDataDir(process.argv[1], 'server')).then(() => { console.log('locked'); setInterval(() => {}, 1000); })`,
        dataDir,
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve) => child.stdout.on('data', () => resolve()));
    await expect(lockDataDir(dataDir, 'cli')).rejects.toMatchObject({ code: 'DATA_DIR_BUSY' });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const lock = await lockDataDir(dataDir, 'cli');
    await lock.release();
  });

  it('uses a short path in the temp folder when DATA_DIR is too long for a Unix socket', () => {
    const long = path.join(dataDir, 'x'.repeat(120));
    expect(controlSocketPath(long).startsWith(os.tmpdir())).toBe(true);
  });
});
