import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, json, type TestApp, testConfig } from '../test/build-test-app';
import { type LoggedIn, loggedInUser } from '../test/factories';
import { normalised, unpacked } from '../test/site-archive';
import { createSiteWithEverything, type SiteWithEverything } from '../test/site-with-everything';
import { testDriver } from '../test/test-database';
import { exportSiteCommand, importSiteCommand } from './cli-transfer';
import { type DataDirLock, lockDataDir } from './lib/data-dir-lock';
import { transferControlHandlers } from './modules/transfer/transfer-control';

/**
 * `swigs export-site` and `import-site` never open an embedded database a running server holds:
 * they ask the server through the data-directory socket. With the server stopped they open the
 * database themselves (holding the lock meanwhile); on PostgreSQL they always do.
 */

const root = mkdtempSync(path.join(os.tmpdir(), 'swigs-cli-transfer-'));
const serverDir = path.join(root, 'server');
let t: TestApp;
let admin: LoggedIn;
let site: SiteWithEverything;
let lock: DataDirLock;
const lines: string[] = [];
const print = (line: string) => void lines.push(line);

beforeAll(async () => {
  t = await buildTestApp({ env: { DATA_DIR: serverDir } });
  admin = await loggedInUser(t.app, t.database, { role: 'admin' });
  site = await createSiteWithEverything(t.app, t.database, admin);
  // What `swigs start` does with the embedded database: hold the lock, answer on its socket.
  lock = await lockDataDir(serverDir, 'server');
  for (const [name, handler] of Object.entries(transferControlHandlers(t.app.siteTransfer)))
    lock.handle(name, handler);
}, 60_000);
afterAll(async () => {
  await lock?.release();
  await t?.close();
  rmSync(root, { recursive: true, force: true });
});

async function siteJsonOf(file: string): Promise<string> {
  const files = await unpacked(readFileSync(file));
  try {
    return files.read('site.json');
  } finally {
    files.remove();
  }
}

describe('swigs export-site / import-site', () => {
  const archive = path.join(root, 'ecole.swigs-site.tar.gz');

  it('asks the running embedded server, which holds the database, to export and import', async () => {
    const config = testConfig({ DATA_DIR: serverDir });
    lines.length = 0;
    const exported = await exportSiteCommand(config, { site: site.slug, out: archive }, print);
    expect(lines[0]).toBe('The server is running: asking it to do it.');
    expect(exported).toMatchObject({
      file: archive,
      counts: { courses: 4, contents: 6, contacts: 3, media: 3 },
    });
    expect(lines.join('\n')).toContain('Users and API tokens are not exported');
    expect(existsSync(archive)).toBe(true);

    await expect(importSiteCommand(config, { file: archive }, print)).rejects.toMatchObject({
      code: 'SLUG_TAKEN',
      message: expect.stringContaining('--slug'),
    });
    await expect(
      importSiteCommand(config, { file: archive, slug: 'Not A Slug!' }, print),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });

    const report = await importSiteCommand(
      config,
      { file: archive, slug: `${site.slug}-bis`, domain: `bis.${site.domain}` },
      print,
    );
    expect(report.site).toMatchObject({ slug: `${site.slug}-bis`, domain: `bis.${site.domain}` });
    expect(lines).toContain(
      `Site imported: "${report.site.name}", slug ${site.slug}-bis, domain bis.${site.domain} (id ${report.site.id})`,
    );
    expect(lines).toContain(`  aliases of the archive left out: ${site.aliases.join(', ')}`);
    const trail = json<{ data: { actor: { name: string }; summary: string }[] }>(
      await t.app.inject({ url: `/api/v1/sites/${report.site.id}/audit`, headers: admin.headers }),
    );
    expect(trail.data[0]).toMatchObject({
      actor: { name: 'swigs import-site' },
      summary: expect.stringContaining(`from an archive of "${site.slug}"`),
    });
  });

  it('opens a stopped embedded installation itself: the site moves in whole, and out again the same', async () => {
    const stoppedDir = path.join(root, 'stopped');
    const config = testConfig({ DATA_DIR: stoppedDir });
    lines.length = 0;
    const report = await importSiteCommand(config, { file: archive }, print);
    expect(lines[0]).toMatch(/^Site imported/);
    expect(report.counts).toMatchObject({ courses: 4, contents: 6, contacts: 3, media: 3 });
    expect(existsSync(path.join(stoppedDir, 'seo', report.site.id, 'seo.json'))).toBe(true);

    const again = path.join(root, 'again.swigs-site.tar.gz');
    await exportSiteCommand(config, { site: site.slug, out: again }, print);
    expect(normalised(await siteJsonOf(again))).toBe(normalised(await siteJsonOf(archive)));
    // The command let go of the data directory: a server could start now.
    const next = await lockDataDir(stoppedDir, 'server');
    await next.release();
  }, 60_000);

  it.runIf(testDriver === 'postgres')('works on PostgreSQL directly, while the instances run', async () => {
    const url = (t.database as { url?: string }).url!;
    const config = testConfig({ DATA_DIR: serverDir, DATABASE_URL: url });
    lines.length = 0;
    const out = path.join(root, 'direct.swigs-site.tar.gz');
    await exportSiteCommand(config, { site: site.slug, out }, print);
    expect(lines[0]).toMatch(/^Site archive written/);
    expect(normalised(await siteJsonOf(out))).toBe(normalised(await siteJsonOf(archive)));
  });
});
