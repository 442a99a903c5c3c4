import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSite, createUser } from '../../test/factories';
import { createTestDatabase, postgresTemplate, testDriver } from '../../test/test-database';
import { type DatabaseHandle, openDatabase } from '../db/client';
import { type BackupSettings, createBackup } from './backup';
import { describeFiles, type FileEntry } from './manifest';
import { restoreBackup, verifyBackup } from './restore';
import { countTables, quoteIdentifier } from './tables';

/**
 * The promise of a backup: take one, lose everything, restore, and every row and every file is
 * back, byte for byte. Runs on PGlite (file-backed data directory) and on PostgreSQL (pg_dump).
 */

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/** A digest of the full content of every table, so "the same rows" means the same bytes. */
async function contentOf(query: Query): Promise<Record<string, string>> {
  const tables = await countTables(query);
  const digest: Record<string, string> = {};
  for (const table of tables) {
    const name = `${quoteIdentifier(table.schema)}.${quoteIdentifier(table.name)}`;
    const [row] = await query(
      `select count(*)::int as rows, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${name} t`,
    );
    digest[`${table.schema}.${table.name}`] = `${row?.rows}:${row?.digest}`;
  }
  return digest;
}

function writeTree(root: string, files: Record<string, Buffer | string>) {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
}

async function filesOf(dataDir: string): Promise<FileEntry[]> {
  return (await describeFiles(dataDir)).filter(
    (f) => f.path.startsWith('uploads/') || f.path.startsWith('seo/'),
  );
}

async function fill(database: DatabaseHandle) {
  const site = await createSite(database, { name: 'École du Lac — « été »' });
  await createSite(database);
  await createUser(database, { role: 'admin' });
  await createUser(database, { siteIds: [site.id] });
}

interface Target {
  database: DatabaseHandle & { url?: string };
  query: Query;
  /** Loses everything: the database and the data folders. */
  wipe(): Promise<void>;
  /** Opens the restored database for comparison. */
  reopen(): Promise<{ query: Query; close(): Promise<void> }>;
  databaseUrl: string | undefined;
  cleanup(): Promise<void>;
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'swigs-backup-test-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function pgliteTarget(): Promise<Target> {
  const dbDir = path.join(dataDir, 'db');
  const template = await createTestDatabase();
  const dump = await template.pglite!.dumpDataDir('none');
  await template.close();
  const pglite = await PGlite.create({ dataDir: dbDir, loadDataDir: dump });
  const database = await openDatabase({ pglite });
  const query: Query = async (sql) => (await pglite.query<Record<string, unknown>>(sql)).rows;
  return {
    database,
    query,
    databaseUrl: undefined,
    async wipe() {
      await database.close();
      for (const dir of ['db', 'uploads', 'seo'])
        rmSync(path.join(dataDir, dir), { recursive: true, force: true });
    },
    async reopen() {
      const restored = await PGlite.create(dbDir);
      return {
        query: async (sql) => (await restored.query<Record<string, unknown>>(sql)).rows,
        close: () => restored.close(),
      };
    },
    async cleanup() {
      await database.close();
    },
  };
}

async function postgresTarget(): Promise<Target> {
  const database = await createTestDatabase();
  const query: Query = async (sql) => (await database.query<Record<string, unknown>>(sql)).rows;
  const server = postgresTemplate()!;
  const emptyName = `${server.prefix}_restore_${randomBytes(3).toString('hex')}`;
  const emptyUrl = new URL(server.url);
  emptyUrl.pathname = `/${emptyName}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  let restoredInto: string | undefined;
  return {
    database,
    query,
    get databaseUrl() {
      return restoredInto ?? database.url;
    },
    async wipe() {
      // A new, empty database stands in for the lost one.
      await admin(`create database ${emptyName}`);
      restoredInto = emptyUrl.toString();
      for (const dir of ['uploads', 'seo']) rmSync(path.join(dataDir, dir), { recursive: true, force: true });
    },
    async reopen() {
      const handle = await openDatabase({ url: emptyUrl.toString(), poolMax: 1 });
      return {
        query: async (sql) => (await handle.query<Record<string, unknown>>(sql)).rows,
        close: () => handle.close(),
      };
    },
    async cleanup() {
      await database.close();
      await admin(`drop database if exists ${emptyName} with (force)`);
    },
  };
}

describe(`backup and restore (${testDriver})`, () => {
  let target: Target;
  const settings = (): BackupSettings => ({
    dir: path.join(dataDir, 'backups'),
    retentionDays: 7,
    trees: { uploads: path.join(dataDir, 'uploads'), seo: path.join(dataDir, 'seo') },
    databaseUrl: target.databaseUrl,
    pgBinDir: undefined,
  });

  beforeAll(async () => {
    target = testDriver === 'pglite' ? await pgliteTarget() : await postgresTarget();
  });
  afterAll(() => target.cleanup());

  it('backup → wipe → restore gives back every row and every file', async () => {
    await fill(target.database);
    writeTree(path.join(dataDir, 'uploads'), {
      'a1b2c3.webp': randomBytes(50_000),
      'logos/d4e5f6.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'empty.txt': '',
    });
    writeTree(path.join(dataDir, 'seo'), {
      'ecole-du-lac/seo.json': JSON.stringify({ home: { title: 'Accueil' } }),
    });
    const rowsBefore = await contentOf(target.query);
    const filesBefore = await filesOf(dataDir);

    const backup = await createBackup(target.database, settings(), { version: '1.2.3' });
    expect(backup.fileCount).toBe(4);
    expect(
      backup.tables.find((t) => t.schema === 'public' && t.name === 'sites')?.rows,
    ).toBeGreaterThanOrEqual(2);
    expect(readFileSync(`${backup.file}.sha256`, 'utf8')).toBe(`${backup.sha256}  ${backup.name}\n`);

    const verified = await verifyBackup(backup.file, {
      databaseUrl: target.databaseUrl,
      pgBinDir: undefined,
    });
    expect(verified.problems).toEqual([]);

    // Changes after the backup must not come back.
    await createSite(target.database);
    await target.wipe();
    expect(await filesOf(dataDir)).toEqual([]);

    const restored = await restoreBackup(backup.file, { ...settings(), dataDir }, { force: false });
    expect(restored.movedAside).toEqual([]);
    const reopened = await target.reopen();
    try {
      expect(await contentOf(reopened.query)).toEqual(rowsBefore);
    } finally {
      await reopened.close();
    }
    expect(await filesOf(dataDir)).toEqual(filesBefore);

    // The restored data is there now: a second restore refuses, unless forced — and then keeps the old folders.
    await expect(
      restoreBackup(backup.file, { ...settings(), dataDir }, { force: false }),
    ).rejects.toMatchObject({
      code: 'DATABASE_NOT_EMPTY',
    });
    const forced = await restoreBackup(backup.file, { ...settings(), dataDir }, { force: true });
    expect(forced.movedAside.some((aside) => aside.includes('uploads.replaced-'))).toBe(true);
    expect(await filesOf(dataDir)).toEqual(filesBefore);
  });

  it('refuses an archive whose bytes changed, naming the problem', async () => {
    const archives = readdirSync(path.join(dataDir, 'backups')).filter((name) => name.endsWith('.tar.gz'));
    const archive = path.join(dataDir, 'backups', archives[0]!);
    const damaged = path.join(dataDir, 'damaged.tar.gz');
    const bytes = readFileSync(archive);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
    writeFileSync(damaged, bytes);
    writeFileSync(`${damaged}.sha256`, readFileSync(`${archive}.sha256`));
    await expect(
      verifyBackup(damaged, { databaseUrl: target.databaseUrl, pgBinDir: undefined }),
    ).rejects.toMatchObject({
      code: 'BACKUP_INVALID',
    });
    expect(existsSync(path.join(dataDir, 'uploads'))).toBe(true);
  });
});
