import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from './logger';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'swigs-logs-'));
  dirs.push(dir);
  return dir;
}

function linesOf(text: string) {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('createLogger', () => {
  it('writes JSON lines to stdout, every line to combined.log and errors to error.log, without secrets', async () => {
    const dir = tempDir();
    const stdout = new PassThrough();
    let printed = '';
    stdout.on('data', (chunk) => {
      printed += chunk;
    });
    const { logger, close } = createLogger(
      { level: 'info', files: { dir, size: '10M', interval: '1d', maxFiles: 3 } },
      stdout,
    );
    logger.debug('too detailed');
    logger.info({ user: { email: 'a@example.ch', password: 'hunter2' } }, 'logged in');
    logger.error({ siteId: 's1' }, 'course creation failed');
    await close();

    const combined = linesOf(readFileSync(path.join(dir, 'combined.log'), 'utf8'));
    expect(combined.map((line) => line.msg)).toEqual(['logged in', 'course creation failed']);
    expect(combined[0]?.user).toEqual({ email: 'a@example.ch', password: '[redacted]' });
    const errors = linesOf(readFileSync(path.join(dir, 'error.log'), 'utf8'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ level: 50, msg: 'course creation failed', siteId: 's1' });
    expect(linesOf(printed)).toHaveLength(2);
    expect(printed).not.toContain('hunter2');
  });

  it('rotates a file that outgrows its size, keeping the rotated one compressed', async () => {
    const dir = tempDir();
    const { logger, close } = createLogger(
      { level: 'info', files: { dir, size: '1K', interval: '1d', maxFiles: 5 } },
      new PassThrough(),
    );
    for (let i = 0; i < 40; i++) {
      logger.info({ i, padding: 'x'.repeat(100) }, 'filling the log');
      await new Promise((resolve) => setImmediate(resolve));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    await close();
    const rotated = readdirSync(dir).filter((name) => name.endsWith('combined.log.gz'));
    expect(rotated.length).toBeGreaterThan(0);
  });
});
