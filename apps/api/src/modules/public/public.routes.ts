import {
  contentKey,
  contentVersion,
  contentVersionHeader,
  dataOf,
  publicContent,
  publicContentsQuery,
  publicCourse,
  publicSite,
  seoDocument,
} from '@swigs/schema';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PublicService } from './public.service';
import type { CachedAnswer } from './public-cache';
import { registerPublicPreflight } from './public-cors';

const tags = ['public'];
const siteParams = z.object({ site: z.string().trim().min(1).max(253) });

/** True when the client already holds these bytes (`If-None-Match` lists the ETag, weakly compared, or `*`). */
export function isNotModified(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/**
 * Sends a cached answer as it is: the bytes were produced through the response schema when they
 * were cached, so the serializer is bypassed (sending a Buffer skips it). 304 when the client has them.
 */
function sendAnswer(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: CachedAnswer,
  cacheControl: string,
) {
  reply
    .header('x-content-type-options', 'nosniff')
    .header('etag', answer.etag)
    .header('cache-control', cacheControl)
    .header(contentVersionHeader, String(answer.contentVersion));
  if (isNotModified(request.headers['if-none-match'], answer.etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(answer.body);
}

/** Cache-Control of public answers; the version route's is `no-cache` (renderers poll it). */
export function publicCacheControl(maxAgeSeconds: number): string {
  return maxAgeSeconds > 0
    ? `public, max-age=${maxAgeSeconds}, stale-while-revalidate=${maxAgeSeconds}`
    : 'public, max-age=0, must-revalidate';
}

export const versionCacheControl = 'no-cache';

export interface PublicRoutesOptions {
  /** max-age for browsers and CDNs; with 0 they revalidate every time, which the ETag makes a 304. */
  maxAgeSeconds: number;
}

/** The public read API: no login, `:site` is the slug or any host name of the site. */
export function registerPublicRoutes(
  app: FastifyInstance,
  service: PublicService,
  options: PublicRoutesOptions,
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  registerPublicPreflight(app, service);
  const cacheControl = publicCacheControl(options.maxAgeSeconds);
  const config = { access: 'public' as const };
  // Public reads are the hot path: one info line per request would cost more than the answer
  // (nginx keeps the access log). Warnings and errors are still logged.
  const logLevel = 'warn';
  // Helmet's headers are for HTML pages; on this JSON hot path they cost a tenth of the request
  // (its CSP is rebuilt each time). sendAnswer sets the one that matters for JSON: nosniff.
  const helmet = false;

  routes.get(
    '/public/sites/:site',
    {
      config,
      logLevel,
      helmet,
      schema: {
        tags,
        summary: 'A site’s public profile and settings (no login)',
        params: siteParams,
        response: { 200: dataOf(publicSite) },
      },
    },
    async (request, reply) =>
      sendAnswer(request, reply, await service.site(request.params.site), cacheControl),
  );

  routes.get(
    '/public/sites/:site/courses',
    {
      config,
      logLevel,
      helmet,
      schema: {
        tags,
        summary: 'The visible courses of a site, in display order',
        params: siteParams,
        response: { 200: dataOf(z.array(publicCourse)) },
      },
    },
    async (request, reply) =>
      sendAnswer(request, reply, await service.courses(request.params.site), cacheControl),
  );

  routes.get(
    '/public/sites/:site/courses/:slug',
    {
      config,
      logLevel,
      helmet,
      schema: {
        tags,
        summary: 'One visible course by slug',
        description:
          'A former slug of a course (its slug was changed) answers the course, with its current `slug`: a site redirects there. The slug of a deleted course answers 410 COURSE_GONE until another course takes it; an unknown slug, 404 COURSE_NOT_FOUND.',
        params: siteParams.extend({ slug: z.string().trim().min(1).max(100) }),
        response: { 200: dataOf(publicCourse) },
      },
    },
    async (request, reply) =>
      sendAnswer(
        request,
        reply,
        await service.course(request.params.site, request.params.slug),
        cacheControl,
      ),
  );

  routes.get(
    '/public/sites/:site/contents',
    {
      config,
      logLevel,
      helmet,
      schema: {
        tags,
        summary: 'The content blocks of a site, by key (optionally those starting with a prefix)',
        params: siteParams,
        querystring: publicContentsQuery,
        response: { 200: dataOf(z.array(publicContent)) },
      },
    },
    async (request, reply) =>
      sendAnswer(
        request,
        reply,
        await service.contents(request.params.site, request.query.prefix),
        cacheControl,
      ),
  );

  routes.get(
    '/public/sites/:site/contents/:key',
    {
      config,
      logLevel,
      helmet,
      schema: {
        tags,
        summary: 'One content block',
        params: siteParams.extend({ key: contentKey }),
        response: { 200: dataOf(publicContent) },
      },
    },
    async (request, reply) =>
      sendAnswer(
        request,
        reply,
        await service.content(request.params.site, request.params.key),
        cacheControl,
      ),
  );

  routes.get(
    '/public/sites/:site/seo.json',
    {
      config,
      logLevel,
      helmet,
      schema: {
        tags,
        summary: 'seo.json: the resolved SEO of every page and visible course',
        params: siteParams,
        response: { 200: seoDocument },
      },
    },
    async (request, reply) =>
      sendAnswer(request, reply, await service.seoJson(request.params.site), cacheControl),
  );

  routes.get(
    '/public/sites/:site/version',
    {
      config,
      logLevel,
      helmet,
      schema: {
        tags,
        summary: 'The site’s content version: grows with every edit of what the public API shows',
        params: siteParams,
        response: { 200: dataOf(contentVersion) },
      },
    },
    // Always revalidated: renderers poll it to learn about edits.
    async (request, reply) =>
      sendAnswer(request, reply, await service.version(request.params.site), versionCacheControl),
  );
}
