import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { SiteImportReport, SiteTransferCounts } from '@swigs/schema';
import { AppError, notFound } from '../../lib/errors';
import type { AuditActor } from '../audit/audit-actor';
import type { MediaStorage } from '../media/media.storage';
import type { SitesRepository } from '../sites/sites.repository';
import { type PreparedExport, prepareExport, type SiteExportDeps } from './site-export';
import { importSite, type SiteImportDeps, type SiteImportOptions } from './site-import';
import { packFile, packStream } from './transfer-archive';

export interface SiteTransferDeps
  extends Omit<SiteExportDeps, 'transfer'>,
    Omit<SiteImportDeps, 'sites' | 'storage' | 'transfer'> {
  transfer: SiteExportDeps['transfer'] & SiteImportDeps['transfer'];
  sites: Pick<SitesRepository, 'isSlugTaken' | 'findTakenHosts' | 'findById' | 'findIdByKey'>;
  storage: Pick<MediaStorage, 'uploadsDir' | 'commit' | 'receive' | 'discard'>;
  /** Largest archive accepted by upload. */
  maxArchiveBytes: number;
}

export interface SiteExportResult {
  file: string;
  sizeBytes: number;
  sha256: string;
  counts: SiteTransferCounts;
  omitted: { id: string; file: string }[];
}

/** An archive being received from a client (a multipart file part). */
export interface ArchiveUpload {
  stream: Readable;
  /** Whether the stream was cut at the size limit (checked once it ended). */
  truncated(): boolean;
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Moving a site between installations (embedded or PostgreSQL alike): export to a `swigs-site`
 * archive, import one as a new site. The API streams exports and receives imports; `swigs
 * export-site` / `import-site` write and read files (through the running server when it holds the
 * embedded database).
 */
export function createSiteTransferService(deps: SiteTransferDeps) {
  const exportDeps: SiteExportDeps = deps;
  const importDeps: SiteImportDeps = deps;

  return {
    /** Stages a site's archive; the caller streams it (`stream()`) and then cleans up. */
    async openExport(
      siteId: string,
      options: { allowMissingFiles: boolean },
    ): Promise<PreparedExport & { stream(): Promise<Readable> }> {
      const prepared = await prepareExport(exportDeps, siteId, options);
      return { ...prepared, stream: () => packStream(prepared.dir) };
    },

    /** Writes the archive of the site named `siteKey` (slug or host name) to `file`. */
    async exportToFile(
      siteKey: string,
      file: string,
      options: { allowMissingFiles: boolean },
    ): Promise<SiteExportResult> {
      const siteId = await deps.sites.findIdByKey(siteKey);
      if (!siteId) throw notFound('SITE_NOT_FOUND', `The site "${siteKey}"`);
      const prepared = await prepareExport(exportDeps, siteId, options);
      try {
        await packFile(prepared.dir, file);
      } finally {
        await prepared.cleanup();
      }
      return {
        file,
        sizeBytes: (await stat(file)).size,
        sha256: await sha256Of(file),
        counts: prepared.counts,
        omitted: prepared.omitted,
      };
    },

    importFile: (file: string, options: SiteImportOptions, actor: AuditActor): Promise<SiteImportReport> =>
      importSite(importDeps, file, options, actor),

    /** Receives an uploaded archive into a temporary file, imports it, and deletes the file. */
    async importUpload(
      upload: ArchiveUpload,
      options: SiteImportOptions,
      actor: AuditActor,
    ): Promise<SiteImportReport> {
      let received: { path: string; size: number } | undefined;
      try {
        try {
          received = await deps.storage.receive(upload.stream);
        } catch {
          if (upload.truncated()) throw tooLarge(deps.maxArchiveBytes);
          throw new AppError('BAD_REQUEST', 'The upload did not complete.');
        }
        if (upload.truncated()) throw tooLarge(deps.maxArchiveBytes);
        return await importSite(importDeps, received.path, options, actor);
      } finally {
        upload.stream.resume();
        if (received) await deps.storage.discard([received.path]);
      }
    },
  };
}

function tooLarge(maxBytes: number): AppError {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `The archive is larger than the limit of ${maxBytes} bytes (SITE_IMPORT_MAX_BYTES); import it with \`swigs import-site\` on the server.`,
  );
}

export type SiteTransferService = ReturnType<typeof createSiteTransferService>;
