import {
  contentVersion,
  dataOf,
  type PublicContentsQuery,
  publicContent,
  publicCourse,
  publicSite,
  seoDocument,
} from '@swigs/schema';
import { z } from 'zod';
import type { Query, Requester } from '../http';

// Built once: a schema built per call would be compiled by zod on every call.
const publicContentList = z.array(publicContent);
const publicCourseList = z.array(publicCourse);

const base = (site: string) => `/api/v1/public/sites/${encodeURIComponent(site)}`;

/**
 * The public read API: no login. `site` is a site's slug or any of its host names. Answers are
 * cached by the server and always reflect the last successful edit; `version(site)` returns the
 * site's content version, which grows with every edit — key any cache of rendered pages by it.
 */
export function createPublicApi(request: Requester) {
  return {
    site: async (site: string) => (await request('GET', base(site), { schema: dataOf(publicSite) })).data,
    /** Visible courses (active, full, cancelled) in display order. */
    courses: async (site: string) =>
      (await request('GET', `${base(site)}/courses`, { schema: dataOf(publicCourseList) })).data,
    course: async (site: string, slug: string) =>
      (
        await request('GET', `${base(site)}/courses/${encodeURIComponent(slug)}`, {
          schema: dataOf(publicCourse),
        })
      ).data,
    contents: async (site: string, query: PublicContentsQuery = {}) =>
      (
        await request('GET', `${base(site)}/contents`, {
          query: query as Query,
          schema: dataOf(publicContentList),
        })
      ).data,
    content: async (site: string, key: string) =>
      (
        await request('GET', `${base(site)}/contents/${encodeURIComponent(key)}`, {
          schema: dataOf(publicContent),
        })
      ).data,
    /** The `seo.json` document: resolved SEO of every page and visible course. */
    seo: (site: string) => request('GET', `${base(site)}/seo.json`, { schema: seoDocument }),
    version: async (site: string) =>
      (await request('GET', `${base(site)}/version`, { schema: dataOf(contentVersion) })).data,
  };
}

export type PublicApi = ReturnType<typeof createPublicApi>;
