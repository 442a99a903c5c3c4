import multipart from '@fastify/multipart';
import {
  dataOf,
  deleteMediaQuery,
  id,
  listOf,
  media,
  mediaListQuery,
  mediaUsage,
  updateMediaBody,
  uploadMediaFields,
} from '@swigs/schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/errors';
import { versionFromIfMatch } from '../../lib/if-match';
import { type Principal, principalOf } from '../../plugins/auth';
import type { MediaService } from './media.service';

const tags = ['media'];
const siteParams = z.object({ siteId: id });
const mediaParams = z.object({ siteId: id, mediaId: id });

function fieldValue(field: unknown): unknown {
  const single = Array.isArray(field) ? field[0] : field;
  return single && typeof single === 'object' && 'value' in single
    ? (single as { value: unknown }).value
    : undefined;
}

function uploaderOf(principal: Principal): string | null {
  return principal.kind === 'user' ? principal.userId : null;
}

export function registerMediaRoutes(
  app: FastifyInstance,
  service: MediaService,
  options: { maxBytes: number },
) {
  // Multipart parsing only where uploads happen; everywhere else a multipart body stays refused.
  app.register(async (scope) => {
    await scope.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: options.maxBytes, files: 1, fields: 5, fieldSize: 2000, parts: 10 },
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/sites/:siteId/media',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Upload a file to the media library',
          description: `multipart/form-data with one part named \`file\`; optional \`alt\` and \`title\` fields come before it. The type is recognised from the content (images: JPEG, PNG, WebP, AVIF, GIF, SVG; documents: PDF, Word, Excel, PowerPoint, OpenDocument), never from the name. At most ${options.maxBytes} bytes. SVG is sanitised; raster images get WebP variants.`,
          params: siteParams,
          response: { 201: dataOf(media) },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) {
          throw new AppError(
            'UNSUPPORTED_MEDIA_TYPE',
            'Send the file as multipart/form-data, in a part named "file".',
          );
        }
        const file = await request.file();
        if (file?.fieldname !== 'file') {
          file?.file.resume();
          throw new AppError('VALIDATION_FAILED', 'Send the file in a part named "file".', {
            errors: [{ field: 'file', message: 'A file is required.', code: 'required' }],
          });
        }
        const fields = uploadMediaFields.safeParse({
          alt: fieldValue(file.fields.alt) ?? '',
          title: fieldValue(file.fields.title) ?? '',
        });
        if (!fields.success) {
          file.file.resume();
          throw new AppError('VALIDATION_FAILED', 'Some fields are invalid.', {
            errors: fields.error.issues.map((issue) => ({
              field: issue.path.join('.'),
              message: issue.message,
              code: issue.code,
            })),
          });
        }
        const created = await service.uploadMedia(
          {
            siteId: request.params.siteId,
            // An upload through an API token has no uploading user.
            uploadedBy: uploaderOf(principalOf(request)),
            alt: fields.data.alt,
            title: fields.data.title,
          },
          { stream: file.file, truncated: () => file.file.truncated, filename: file.filename },
        );
        return reply.code(201).send({ data: created });
      },
    );
  });

  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/sites/:siteId/media',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'List the media library (newest first; filter by kind, search name, alt text and title)',
        params: siteParams,
        querystring: mediaListQuery,
        response: { 200: listOf(media) },
      },
    },
    async (request) => service.listMedia(request.params.siteId, request.query),
  );

  routes.get(
    '/sites/:siteId/media/:mediaId',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Get a media file', params: mediaParams, response: { 200: dataOf(media) } },
    },
    async (request, reply) => {
      const found = await service.getMedia(request.params.siteId, request.params.mediaId);
      return reply.header('etag', `"${found.version}"`).send({ data: found });
    },
  );

  routes.patch(
    '/sites/:siteId/media/:mediaId',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Edit the alt text and title of a media file',
        params: mediaParams,
        body: updateMediaBody,
        response: { 200: dataOf(media) },
      },
    },
    async (request, reply) => {
      const updated = await service.updateMedia(
        request.params.siteId,
        request.params.mediaId,
        request.body,
        versionFromIfMatch(request.headers['if-match']),
      );
      return reply.header('etag', `"${updated.version}"`).send({ data: updated });
    },
  );

  routes.get(
    '/sites/:siteId/media/:mediaId/usages',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Where a media file is used (site logo, courses, contents, SEO)',
        params: mediaParams,
        response: { 200: dataOf(z.array(mediaUsage)) },
      },
    },
    async (request) => ({ data: await service.listUsages(request.params.siteId, request.params.mediaId) }),
  );

  routes.delete(
    '/sites/:siteId/media/:mediaId',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Delete a media file (409 MEDIA_IN_USE while in use, unless force=true)',
        params: mediaParams,
        querystring: deleteMediaQuery,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.deleteMedia(request.params.siteId, request.params.mediaId, request.query.force ?? false);
      return reply.code(204).send(null);
    },
  );
}
