import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../lib/paths';

/** Applies the migration files `from` … `to - 1` in order, statement by statement, as drizzle does. */
async function migrate(pglite: PGlite, from: number, to: number) {
  const files = readdirSync(migrationsFolder)
    .filter((file) => /^\d{4}_.*\.sql$/.test(file))
    .sort()
    .slice(from, to);
  for (const file of files) {
    for (const statement of readFileSync(path.join(migrationsFolder, file), 'utf8').split(
      '--> statement-breakpoint',
    )) {
      if (statement.trim()) await pglite.exec(statement);
    }
  }
  return files;
}

describe('content migration', () => {
  const pglite = new PGlite();
  afterAll(() => pglite.close());

  it('gives sites that existed before it the SEO records of the default pages', {
    timeout: 60_000,
  }, async () => {
    const all = readdirSync(migrationsFolder)
      .filter((file) => /^\d{4}_.*\.sql$/.test(file))
      .sort();
    const index = all.findIndex((file) => file.endsWith('_content.sql'));
    expect(index).toBeGreaterThan(0);
    await migrate(pglite, 0, index);
    await pglite.exec(`insert into sites (slug, name) values ('ancien', 'Ancien site')`);
    await migrate(pglite, index, index + 1);
    const { rows } = await pglite.query<{ page: string }>(
      `select page from seo join sites on sites.id = seo.site_id where sites.slug = 'ancien' order by page`,
    );
    expect(rows.map((row) => row.page)).toEqual(['about', 'contact', 'courses', 'home', 'legal']);
  });
});
