import path from 'node:path';
import { domain, slug } from '@swigs/schema';
import { z } from 'zod';
import type { ControlHandler } from '../../lib/data-dir-lock';
import { AppError } from '../../lib/errors';
import type { AuditActor } from '../audit/audit-actor';
import type { SiteTransferService } from './transfer.service';

/**
 * `swigs export-site` and `import-site` while the embedded server runs: only the server may open
 * its database, so the command asks it through the data-directory socket (mode 0600, same user),
 * naming files by absolute path. These are the requests and the server's handlers.
 */

const absolutePath = z.string().refine((value) => path.isAbsolute(value), 'An absolute path.');

export const exportSiteRequest = z.object({
  site: z.string().min(1).max(253),
  out: absolutePath,
  allowMissingFiles: z.boolean().default(false),
});
export type ExportSiteRequest = z.input<typeof exportSiteRequest>;

export const importSiteRequest = z.object({
  file: absolutePath,
  slug: slug.optional(),
  domain: domain.optional(),
});
export type ImportSiteRequest = z.input<typeof importSiteRequest>;

/** Who the audit trail names for an import from the command line. */
export const commandLineActor: AuditActor = { type: 'system', id: null, name: 'swigs import-site' };

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', parsed.error.issues.map((i) => i.message).join('; '));
  return parsed.data;
}

export function transferControlHandlers(service: SiteTransferService): Record<string, ControlHandler> {
  return {
    'export-site': async (input) => {
      const request = parse(exportSiteRequest, input);
      return service.exportToFile(request.site, request.out, {
        allowMissingFiles: request.allowMissingFiles,
      });
    },
    'import-site': async (input) => {
      const request = parse(importSiteRequest, input);
      return service.importFile(
        request.file,
        { slug: request.slug, domain: request.domain },
        commandLineActor,
      );
    },
  };
}
