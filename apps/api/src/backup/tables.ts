import type { TableCount } from './manifest';

/**
 * Every table of the database outside PostgreSQL's own schemas: the application's (`public`),
 * the migration history (`drizzle`) and whatever a library adds (the job queue's schema).
 */
export const listTablesSql = `
select n.nspname as schema, c.relname as name
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'p')
  and n.nspname not in ('pg_catalog', 'information_schema')
  and n.nspname not like 'pg\\_%'
order by 1, 2`;

/** The schemas a forced restore empties (every non-system one). */
export const listSchemasSql = `
select nspname as schema from pg_namespace
where nspname not in ('pg_catalog', 'information_schema') and nspname not like 'pg\\_%'
order by 1`;

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** One statement counting the rows of every table, so that all counts come from one snapshot. */
export function countRowsSql(tables: { schema: string; name: string }[]): string | undefined {
  if (tables.length === 0) return undefined;
  return tables
    .map(
      (t) =>
        `select ${quoteLiteral(t.schema)} as schema, ${quoteLiteral(t.name)} as name, count(*)::bigint as rows from ${quoteIdentifier(t.schema)}.${quoteIdentifier(t.name)}`,
    )
    .join('\nunion all ');
}

/** Runs the listing and the count with `run` (any executor returning rows of strings or numbers). */
export async function countTables(
  run: (sql: string) => Promise<Record<string, unknown>[]>,
): Promise<TableCount[]> {
  const tables = (await run(listTablesSql)).map((row) => ({
    schema: String(row.schema),
    name: String(row.name),
  }));
  const sql = countRowsSql(tables);
  if (!sql) return [];
  const counts = await run(sql);
  return counts
    .map((row) => ({ schema: String(row.schema), name: String(row.name), rows: Number(row.rows) }))
    .sort((a, b) => `${a.schema}.${a.name}`.localeCompare(`${b.schema}.${b.name}`));
}
