import {
  contentVersion,
  dataOf,
  publicContent,
  publicCourse,
  publicSite,
  type SeoRecord,
  seoDocument,
} from '@swigs/schema';
import { z } from 'zod';
import { AppError, notFound } from '../../lib/errors';
import { startsWith } from '../contents/contents.repository';
import type { PublicRepository } from './public.repository';
import { type CachedAnswer, etagOf, normaliseSiteKey, type PublicCache } from './public-cache';
import { buildSeoDocument } from './seo-document';

export interface PublicServiceDeps {
  repository: PublicRepository;
  listSeoRecords(siteId: string): Promise<SeoRecord[]>;
  cache: PublicCache;
}

const siteAnswer = dataOf(publicSite);
const coursesAnswer = dataOf(z.array(publicCourse));
const courseAnswer = dataOf(publicCourse);
const contentsAnswer = dataOf(z.array(publicContent));
const contentAnswer = dataOf(publicContent);
const versionAnswer = dataOf(contentVersion);

/**
 * The bytes of an answer, produced through its response schema exactly as the serializer would
 * (unknown fields dropped), so that cached bytes can be sent as they are.
 */
function serialise<S extends z.ZodType>(schema: S, payload: z.input<S>, version: number): CachedAnswer {
  const body = Buffer.from(JSON.stringify(schema.parse(payload)));
  return { body, etag: etagOf(body), contentVersion: version };
}

const siteNotFound = () => notFound('SITE_NOT_FOUND', 'This site');

/**
 * The public read API: every answer is the serialised bytes with their ETag, from the cache or
 * produced from one database read and then cached. Misses that find nothing throw (404) and are
 * not cached.
 */
export function createPublicService(deps: PublicServiceDeps) {
  const { repository, cache } = deps;

  async function load(siteKey: string, resource: string, produce: (key: string) => Promise<CachedAnswer>) {
    const key = normaliseSiteKey(siteKey);
    return (await cache.load(key, resource, () => produce(key)))!;
  }

  async function renderSeoDocument(site: NonNullable<Awaited<ReturnType<PublicRepository['findSeoSite']>>>) {
    const [records, courses] = await Promise.all([
      deps.listSeoRecords(site.id),
      repository.findVisibleCourses(site.id),
    ]);
    return serialise(seoDocument, buildSeoDocument(site, records, courses), site.contentVersion);
  }

  return {
    site: (siteKey: string) =>
      load(siteKey, 'site', async (key) => {
        const site = await repository.findSite(key);
        if (!site) throw siteNotFound();
        return serialise(siteAnswer, { data: site }, site.contentVersion);
      }),

    courses: (siteKey: string) =>
      load(siteKey, 'courses', async (key) => {
        const found = await repository.findCourses(key);
        if (!found) throw siteNotFound();
        return serialise(coursesAnswer, { data: found.value }, found.contentVersion);
      }),

    course: (siteKey: string, slug: string) =>
      load(siteKey, `course:${slug}`, async (key) => {
        const found = await repository.findCourse(key, slug);
        if (!found) throw siteNotFound();
        if (!found.value) {
          throw found.deleted
            ? new AppError('COURSE_GONE', 'This course was removed from the site.')
            : notFound('COURSE_NOT_FOUND', 'This course');
        }
        return serialise(courseAnswer, { data: found.value }, found.contentVersion);
      }),

    contents: (siteKey: string, prefix = '') =>
      load(siteKey, `contents:${prefix}`, async (key) => {
        const found = await repository.findContents(key, startsWith(prefix));
        if (!found) throw siteNotFound();
        return serialise(contentsAnswer, { data: found.value }, found.contentVersion);
      }),

    content: (siteKey: string, contentKey: string) =>
      load(siteKey, `content:${contentKey}`, async (key) => {
        const found = await repository.findContent(key, contentKey);
        if (!found) throw siteNotFound();
        if (!found.value) throw notFound('CONTENT_NOT_FOUND', 'This content block');
        return serialise(contentAnswer, { data: found.value }, found.contentVersion);
      }),

    version: (siteKey: string) =>
      load(siteKey, 'version', async (key) => {
        const found = await repository.findVersion(key);
        if (!found) throw siteNotFound();
        return serialise(
          versionAnswer,
          { data: { siteId: found.siteId, version: found.contentVersion } },
          found.contentVersion,
        );
      }),

    seoJson: (siteKey: string) =>
      load(siteKey, 'seo.json', async (key) => {
        const siteId = await repository.findSiteId(key);
        const site = siteId ? await repository.findSeoSite(siteId) : undefined;
        if (!site) throw siteNotFound();
        return renderSeoDocument(site);
      }),

    /**
     * Whether a browser page at `origin` may read this site's public API (CORS): the origin's host
     * is one of the site's host names. The list is cached with the site's other answers.
     */
    async allowsOrigin(siteKey: string, origin: string): Promise<boolean> {
      let host: string;
      try {
        host = new URL(origin).host.toLowerCase();
      } catch {
        return false;
      }
      const key = normaliseSiteKey(siteKey);
      if (host === key) return true;
      try {
        const answer = await load(key, 'hosts', async () => {
          const site = await repository.findSite(key);
          if (!site) throw siteNotFound();
          const body = Buffer.from(JSON.stringify([site.domain, ...site.aliases]));
          return { body, etag: etagOf(body), contentVersion: site.contentVersion };
        });
        return (JSON.parse(answer.body.toString()) as string[]).includes(host);
      } catch {
        return false;
      }
    },

    /** seo.json of a site by id, for the file written beside the database (undefined: no such site). */
    async renderSeoJson(siteId: string): Promise<CachedAnswer | undefined> {
      const site = await repository.findSeoSite(siteId);
      return site ? renderSeoDocument(site) : undefined;
    },
  };
}

export type PublicService = ReturnType<typeof createPublicService>;
