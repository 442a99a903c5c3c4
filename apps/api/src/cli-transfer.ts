import path from 'node:path';
import type { SiteImportReport } from '@swigs/schema';
import type { Command } from 'commander';
import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import { type Config, loadConfig } from './config';
import { runMigrations } from './db/migrate';
import { askLockHolder } from './lib/data-dir-lock';
import { AppError } from './lib/errors';
import { createPublicContext } from './modules/public';
import { createSiteTransfer } from './modules/transfer';
import type { SiteExportResult, SiteTransferService } from './modules/transfer/transfer.service';
import {
  commandLineActor,
  type ExportSiteRequest,
  exportSiteRequest,
  type ImportSiteRequest,
  importSiteRequest,
} from './modules/transfer/transfer-control';
import { lockEmbeddedDatabase, openConfiguredDatabase } from './start';

type Print = (message: string) => void;

/** Options of a command, checked with the same rules as the API's (a readable error, no stack). */
function checked<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION_FAILED',
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('\n'),
    );
  }
  return parsed.data;
}

/**
 * Runs a transfer here, or — when the embedded server holds the data directory — asks the server
 * to run it through its control socket (opening its database from here would corrupt it).
 * PostgreSQL: always here, while the instances run.
 */
async function runTransfer<T>(
  config: Config,
  control: { name: 'export-site' | 'import-site'; input: object },
  print: Print,
  direct: (service: SiteTransferService) => Promise<T>,
): Promise<T> {
  const lock = await lockEmbeddedDatabase(config, 'cli').catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'DATA_DIR_BUSY') return 'busy' as const;
    throw error;
  });
  if (lock === 'busy') {
    print('The server is running: asking it to do it.');
    const answer = await askLockHolder(
      config.dataDir,
      'POST',
      `/${control.name}`,
      6 * 3600_000,
      control.input,
    );
    if (!answer) throw new Error('The server stopped before it could answer; run the command again.');
    if (answer.status !== 200) {
      const body = answer.body as { code?: string; message?: string };
      if (answer.status === 404)
        throw new Error(
          'The running server is an older version that cannot do this: upgrade it, or stop it first.',
        );
      throw new AppError(
        (body.code as never) ?? 'INTERNAL_ERROR',
        body.message ?? `The server answered ${answer.status}.`,
      );
    }
    return answer.body as T;
  }
  try {
    const database = await openConfiguredDatabase(config);
    const log = {
      warn: (...args: unknown[]) => print(args.map(String).join(' ')),
    } as unknown as FastifyBaseLogger;
    // This process's own cache: a new site has nothing cached anywhere; its seo.json is written here.
    const publicApi = createPublicContext(config, database, undefined, log);
    try {
      await runMigrations(database);
      return await direct(createSiteTransfer(config, database, publicApi.changes));
    } finally {
      publicApi.close();
      await database.close();
    }
  } finally {
    await lock?.release();
  }
}

/** `swigs export-site`: the archive of one site, written to `request.out`. */
export async function exportSiteCommand(config: Config, input: ExportSiteRequest, print: Print) {
  const request = checked(exportSiteRequest, input);
  const result = await runTransfer<SiteExportResult>(
    config,
    { name: 'export-site', input: request },
    print,
    (service) =>
      service.exportToFile(request.site, request.out, { allowMissingFiles: request.allowMissingFiles }),
  );
  const { counts } = result;
  print(`Site archive written: ${result.file} (${result.sizeBytes} bytes, sha256 ${result.sha256})`);
  print(
    `  ${counts.courses} courses, ${counts.contents} contents, ${counts.seo} SEO records, ${counts.media} media (${counts.files} files), ${counts.contacts} messages`,
  );
  if (result.omitted.length > 0)
    print(`  left out, their files missing: ${result.omitted.map((m) => m.file).join(', ')}`);
  print('  Users and API tokens are not exported: create them on the other installation.');
  return result;
}

/** `swigs import-site`: a new site from an archive. */
export async function importSiteCommand(config: Config, input: ImportSiteRequest, print: Print) {
  const request = checked(importSiteRequest, input);
  const report = await runTransfer<SiteImportReport>(
    config,
    { name: 'import-site', input: request },
    print,
    (service) =>
      service.importFile(request.file, { slug: request.slug, domain: request.domain }, commandLineActor),
  );
  const { counts, site } = report;
  print(`Site imported: "${site.name}", slug ${site.slug}, domain ${site.domain} (id ${site.id})`);
  print(
    `  ${counts.courses} courses, ${counts.contents} contents, ${counts.seo} SEO records, ${counts.media} media (${counts.files} files), ${counts.contacts} messages`,
  );
  if (report.droppedAliases.length > 0)
    print(`  aliases of the archive left out: ${report.droppedAliases.join(', ')}`);
  print('  Give editors access to it in the admin panel; API tokens must be created again.');
  return report;
}

function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

export function registerTransferCommands(program: Command, print: Print) {
  program
    .command('export-site')
    .argument('<site>', 'the slug (or a host name) of the site')
    .description(
      'write a site (settings, courses, contents, SEO, media, messages) to a .swigs-site.tar.gz archive',
    )
    .option('--out <file>', 'where to write it (default: <slug>-<date>.swigs-site.tar.gz here)')
    .option('--allow-missing-files', 'leave out media whose files are missing instead of stopping')
    .action(async (site: string, options: { out?: string; allowMissingFiles?: boolean }) => {
      const out = path.resolve(options.out ?? `${site}-${stamp(new Date())}.swigs-site.tar.gz`);
      await exportSiteCommand(
        loadConfig(),
        { site, out, allowMissingFiles: options.allowMissingFiles === true },
        print,
      );
    });

  program
    .command('import-site')
    .argument('<file>', 'a .swigs-site.tar.gz archive made by export-site (or the admin API)')
    .description('create a site from an archive; refuses a slug or domain in use unless given new ones')
    .option('--slug <slug>', 'a new slug for the site')
    .option('--domain <domain>', 'a new domain (the archive’s aliases are then left out)')
    .action(async (file: string, options: { slug?: string; domain?: string }) => {
      await importSiteCommand(loadConfig(), { file: path.resolve(file), ...options }, print);
    });
}
