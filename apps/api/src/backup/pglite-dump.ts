import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite, protocol } from '@electric-sql/pglite';
import { AppError } from '../lib/errors';
import type { TableCount } from './manifest';
import { countTables } from './tables';

/**
 * Runs one simple-protocol query without taking PGlite's query lock: only for use inside
 * `pglite.runExclusive`, which holds that lock for us (a normal `query` there would wait forever).
 */
async function queryHoldingLock(pglite: PGlite, sql: string): Promise<Record<string, unknown>[]> {
  const result = await pglite.execProtocol(protocol.serialize.query(sql));
  let columns: string[] = [];
  const rows: Record<string, unknown>[] = [];
  for (const message of result.messages) {
    if (message instanceof protocol.messages.RowDescriptionMessage) {
      columns = message.fields.map((field) => field.name);
    }
    if (message instanceof protocol.messages.DataRowMessage) {
      rows.push(Object.fromEntries(columns.map((column, i) => [column, message.fields[i]])));
    }
  }
  return rows;
}

export interface PgliteDump {
  tables: TableCount[];
  serverVersion: string;
}

/**
 * Dumps the live embedded database from inside the process that owns it (PGlite has no file lock;
 * no other process may open its directory). PGlite has one connection: we first wait for the
 * transaction lock (so no transaction is half-way on that connection), then hold the query lock
 * while counting and dumping, so the counts describe exactly the dumped state.
 */
export async function dumpPglite(pglite: PGlite, file: string): Promise<PgliteDump> {
  const fs = pglite.fs;
  if (!fs) throw new Error('PGlite has no filesystem to dump.');
  const { tables, serverVersion, dump } = await pglite._runExclusiveTransaction(() =>
    pglite.runExclusive(async () => {
      const version = await queryHoldingLock(pglite, 'show server_version');
      const counted = await countTables((sql) => queryHoldingLock(pglite, sql));
      const blob = await fs.dumpTar(path.basename(pglite.dataDir ?? 'pgdata'), 'none');
      return { tables: counted, serverVersion: String(version[0]?.server_version ?? ''), dump: blob };
    }),
  );
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  return { tables, serverVersion };
}

/** Loads a dump into a throw-away in-memory PGlite (verification). Close it when done. */
export async function openPgliteDump(file: string): Promise<PGlite> {
  return PGlite.create({ loadDataDir: new Blob([await readFile(file)]) });
}

/** A data directory that holds a database already (PostgreSQL's PG_VERSION marks it). */
export function hasPgliteDatabase(dbDir: string): boolean {
  return existsSync(path.join(dbDir, 'PG_VERSION'));
}

/**
 * Writes the dump as the embedded database at `dbDir`. An existing database there is refused,
 * unless `force`: it is then moved aside (returned path), never deleted.
 */
export async function restorePglite(
  file: string,
  dbDir: string,
  options: { force: boolean; now: Date },
): Promise<{ movedAside?: string }> {
  let movedAside: string | undefined;
  if (hasPgliteDatabase(dbDir)) {
    if (!options.force) {
      throw new AppError(
        'DATABASE_NOT_EMPTY',
        `The embedded database at ${dbDir} is not empty. Use --force to replace it.`,
      );
    }
    movedAside = `${dbDir}.replaced-${options.now.toISOString().replace(/[:.]/g, '-')}`;
    await rename(dbDir, movedAside);
  }
  const pglite = await PGlite.create({ dataDir: dbDir, loadDataDir: new Blob([await readFile(file)]) });
  // Opening runs recovery; a checkpoint leaves a clean directory for the next start.
  await pglite.exec('checkpoint');
  await pglite.close();
  return movedAside ? { movedAside } : {};
}

/** Row counts of an open PGlite (restored or scratch). */
export function countPgliteTables(pglite: PGlite): Promise<TableCount[]> {
  return countTables(async (sql) => (await pglite.query<Record<string, unknown>>(sql)).rows);
}
