import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { AppError } from '../lib/errors';
import type { TableCount } from './manifest';
import { countTables, listSchemasSql, listTablesSql, quoteIdentifier } from './tables';

/**
 * PostgreSQL backups use PostgreSQL's own tools: pg_dump (custom format) and pg_restore. They must
 * be at least as new as the server (pg_dump refuses an older-than-server dump for good reason);
 * PG_BIN_DIR points at a matching set when the ones on PATH are not.
 */

export interface PgTools {
  binDir: string | undefined;
}

function toolPath(tools: PgTools, name: 'pg_dump' | 'pg_restore'): string {
  return tools.binDir ? path.join(tools.binDir, name) : name;
}

/** Connection settings for the tools: the URL without its password, which goes in PGPASSWORD. */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return {
    dbname: parsed.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error(
              `${command} is not installed (Debian: apt-get install postgresql-client), or set PG_BIN_DIR.`,
            )
          : error,
      ),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${path.basename(command)} failed (exit ${code}): ${output.trim()}`)),
    );
  });
}

async function toolMajor(tools: PgTools, name: 'pg_dump' | 'pg_restore'): Promise<number> {
  const output = await run(toolPath(tools, name), ['--version'], process.env);
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(output);
  if (!match) throw new Error(`Cannot read the version of ${name}: ${output.trim()}`);
  return Number(match[1]);
}

async function serverInfo(client: pg.ClientBase): Promise<{ major: number; version: string }> {
  const { rows } = await client.query<{ num: string; version: string }>(
    "select current_setting('server_version_num') as num, current_setting('server_version') as version",
  );
  return { major: Math.floor(Number(rows[0]?.num) / 10_000), version: rows[0]?.version ?? '' };
}

async function ensureToolFits(tools: PgTools, name: 'pg_dump' | 'pg_restore', serverMajor: number) {
  const major = await toolMajor(tools, name);
  if (major < serverMajor) {
    throw new Error(
      `${name} ${major} is older than the PostgreSQL ${serverMajor} server: install postgresql-client-${serverMajor} or set PG_BIN_DIR to its bin folder.`,
    );
  }
}

export interface PostgresDump {
  tables: TableCount[];
  serverVersion: string;
}

/**
 * Dumps the database while other instances keep writing: a repeatable-read transaction exports its
 * snapshot, the row counts are taken in it and pg_dump is told to use the very same snapshot — so
 * the counts in the manifest describe exactly what the dump contains.
 */
export async function dumpPostgres(
  pool: pg.Pool,
  url: string,
  file: string,
  tools: PgTools,
): Promise<PostgresDump> {
  const client = await pool.connect();
  try {
    const server = await serverInfo(client);
    await ensureToolFits(tools, 'pg_dump', server.major);
    await client.query('begin isolation level repeatable read read only');
    const { rows } = await client.query<{ snapshot: string }>('select pg_export_snapshot() as snapshot');
    const tables = await countTables(async (sql) => (await client.query(sql)).rows);
    const { dbname, env } = connection(url);
    await run(
      toolPath(tools, 'pg_dump'),
      [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        `--snapshot=${rows[0]?.snapshot}`,
        `--file=${file}`,
        `--dbname=${dbname}`,
      ],
      env,
    );
    await client.query('commit');
    return { tables, serverVersion: server.version };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Tables in the database outside PostgreSQL's own schemas. */
async function userTableCount(client: pg.ClientBase): Promise<number> {
  return (await client.query(listTablesSql)).rows.length;
}

/**
 * Restores a pg_dump archive into the database at `url`, in one transaction (all or nothing).
 * A database that has tables is refused unless `force`, which drops every non-system schema first.
 */
export async function restorePostgres(
  url: string,
  file: string,
  tools: PgTools,
  options: { force: boolean },
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const server = await serverInfo(client);
    await ensureToolFits(tools, 'pg_restore', server.major);
    if ((await userTableCount(client)) > 0) {
      if (!options.force) {
        throw new AppError(
          'DATABASE_NOT_EMPTY',
          'The target PostgreSQL database has tables. Restore into an empty database, or use --force to replace its content.',
        );
      }
      const schemas = (await client.query<{ schema: string }>(listSchemasSql)).rows.map((row) => row.schema);
      await client.query('begin');
      for (const schema of schemas) await client.query(`drop schema ${quoteIdentifier(schema)} cascade`);
      await client.query('create schema if not exists public');
      await client.query('commit');
    }
  } finally {
    await client.end();
  }
  const { dbname, env } = connection(url);
  await run(
    toolPath(tools, 'pg_restore'),
    ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${dbname}`, file],
    env,
  );
}

/** Row counts of the database at `url`. */
export async function countPostgresTables(url: string): Promise<TableCount[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await countTables(async (sql) => (await client.query(sql)).rows);
  } finally {
    await client.end();
  }
}

/** Creates a scratch database beside the one at `url` (verification); returns its URL and a dropper. */
export async function createScratchDatabase(
  url: string,
  name: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${quoteIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return {
    url: scratch.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${quoteIdentifier(name)} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
