import multipart from '@fastify/multipart';
import { dataOf, id, siteExportQuery, siteImportQuery, siteImportReport } from '@swigs/schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/errors';
import { principalOf } from '../../plugins/auth';
import { actorOf } from '../audit/audit-actor';
import type { SiteTransferService } from './transfer.service';

const tags = ['sites'];

export function registerTransferRoutes(
  app: FastifyInstance,
  service: SiteTransferService,
  options: { maxArchiveBytes: number },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/sites/:siteId/export',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary:
          'Download the site as a swigs-site archive (settings, courses, contents, SEO, media, messages)',
        description:
          'A gzipped tar: `manifest.json` (format version, sha256 of every file), `site.json` and `media/…`. Users, API tokens and the audit trail are not part of it. Answers 409 SITE_FILES_MISSING when uploaded files are missing on disk, unless `allowMissingFiles=true` (those media are then left out).',
        params: z.object({ siteId: id }),
        querystring: siteExportQuery,
        response: { 200: z.string().describe('application/gzip: a swigs-site archive') },
      },
    },
    async (request, reply) => {
      const prepared = await service.openExport(request.params.siteId, request.query);
      let stream: Awaited<ReturnType<typeof prepared.stream>>;
      try {
        stream = await prepared.stream();
      } catch (error) {
        await prepared.cleanup();
        throw error;
      }
      // The staged files are read while the answer streams: removed once it is sent (or cut off).
      reply.raw.once('close', () => void prepared.cleanup());
      return (
        reply
          .type('application/gzip')
          .header('content-disposition', `attachment; filename="${prepared.fileName}"`)
          .header('cache-control', 'no-store')
          // A stream is sent as it is (the serializer never sees it); the schema documents the body.
          .send(stream as unknown as string)
      );
    },
  );

  // Multipart parsing only here (and on media uploads): an archive can be large.
  app.register(async (scope) => {
    await scope.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: options.maxArchiveBytes, files: 1, fields: 0, parts: 1 },
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/sites/import',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Create a site from a swigs-site archive (made by GET /sites/:siteId/export)',
          description: `multipart/form-data with the archive in a part named \`file\` (at most ${options.maxArchiveBytes} bytes). Everything is checked before anything is written (checksums, data, file types); the site gets new ids and file names. A slug or domain already used here is refused (409) unless \`slug\` / \`domain\` give others (a new domain leaves the archive's aliases out). A damaged or invalid archive answers 422 SITE_ARCHIVE_INVALID and changes nothing.`,
          querystring: siteImportQuery,
          response: { 201: dataOf(siteImportReport) },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) {
          throw new AppError(
            'UNSUPPORTED_MEDIA_TYPE',
            'Send the archive as multipart/form-data, in a part named "file".',
          );
        }
        const file = await request.file();
        if (file?.fieldname !== 'file') {
          file?.file.resume();
          throw new AppError('VALIDATION_FAILED', 'Send the archive in a part named "file".', {
            errors: [{ field: 'file', message: 'A file is required.', code: 'required' }],
          });
        }
        const report = await service.importUpload(
          { stream: file.file, truncated: () => file.file.truncated },
          request.query,
          actorOf(principalOf(request)),
        );
        return reply.code(201).send({ data: report });
      },
    );
  });
}
