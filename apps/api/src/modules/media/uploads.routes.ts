import path from 'node:path';
import send from '@fastify/send';
import type { FastifyInstance } from 'fastify';
import { uploadsPath } from './media-ref';

/** Stored names are server-made: 32 hex characters, an optional `-<width>` and an extension. */
const storedNamePattern = /^[0-9a-f]{32}(?:-\d{1,5})?\.[a-z0-9]{2,5}$/;
const siteIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Office documents cannot be shown by a browser: offer them as downloads. */
const downloadExtensions = new Set(['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'odp']);

/** An SVG opened directly must not run anything, whatever slipped through: no script at all. */
const svgPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

/**
 * Serves `/uploads/<siteId>/<storedName>`. Names never change (a new upload gets a new name), so
 * answers are cacheable for a year and marked immutable. Public sites on other domains embed these
 * files, hence the cross-origin resource policy.
 */
export function registerUploadsRoutes(app: FastifyInstance, uploadsDir: string) {
  app.get<{ Params: { siteId: string; file: string } }>(
    `${uploadsPath}/:siteId/:file`,
    { schema: { hide: true } },
    async (request, reply) => {
      const { siteId, file } = request.params;
      if (!siteIdPattern.test(siteId) || !storedNamePattern.test(file)) {
        return reply.callNotFound();
      }
      const result = await send(request.raw, `/${siteId}/${file}`, {
        root: uploadsDir,
        dotfiles: 'deny',
        index: false,
        cacheControl: false,
      });
      if (result.type !== 'file') {
        if (result.statusCode === 404) return reply.callNotFound();
        return reply.code(result.statusCode).headers(result.headers).send(result.stream);
      }
      const extension = path.extname(file).slice(1);
      reply
        .code(result.statusCode)
        .headers(result.headers)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .header('cross-origin-resource-policy', 'cross-origin');
      if (extension === 'svg') reply.header('content-security-policy', svgPolicy);
      if (downloadExtensions.has(extension)) reply.header('content-disposition', 'attachment');
      return reply.send(result.stream);
    },
  );
}
