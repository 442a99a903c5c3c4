import {
  type CreateSiteBody,
  dataOf,
  listOf,
  type SiteExportQuery,
  type SiteImportQuery,
  type SiteListQuery,
  site,
  siteImportReport,
  type UpdateSiteBody,
} from '@swigs/schema';
import { z } from 'zod';
import type { Query, Requester } from '../http';
import { ifMatch, v1 } from './shared';

// Built once: a schema built per call would be compiled by zod on every call.
const archiveFile = z.instanceof(File);

export function createSitesApi(request: Requester) {
  return {
    list: (query: SiteListQuery = {}) =>
      request('GET', `${v1}/sites`, { query: query as Query, schema: listOf(site) }),
    get: async (siteId: string) =>
      (await request('GET', `${v1}/sites/${siteId}`, { schema: dataOf(site) })).data,
    create: async (body: CreateSiteBody) =>
      (await request('POST', `${v1}/sites`, { body, schema: dataOf(site) })).data,
    update: async (siteId: string, body: UpdateSiteBody) =>
      (
        await request('PATCH', `${v1}/sites/${siteId}`, {
          body,
          schema: dataOf(site),
          headers: ifMatch(body.version),
        })
      ).data,
    delete: (siteId: string) => request('DELETE', `${v1}/sites/${siteId}`),
    /**
     * The site as a `swigs-site` archive (admins): settings, courses, contents, SEO, media,
     * messages. A `File` named as the server names it (`<slug>-<time>.swigs-site.tar.gz`).
     */
    exportArchive: (siteId: string, query: SiteExportQuery = {}) =>
      request('GET', `${v1}/sites/${siteId}/export`, {
        query: query as Query,
        schema: archiveFile,
        responseType: 'file',
        fileName: `${siteId}.swigs-site.tar.gz`,
      }),
    /** Creates a site from an archive (admins); `slug`/`domain` when the archive's are taken here. */
    importArchive: async (
      archive: Blob,
      query: SiteImportQuery = {},
      options: { signal?: AbortSignal } = {},
    ) => {
      const form = new FormData();
      form.append('file', archive, archive instanceof File ? archive.name : 'site.swigs-site.tar.gz');
      return (
        await request('POST', `${v1}/sites/import`, {
          body: form,
          query: query as Query,
          schema: dataOf(siteImportReport),
          signal: options.signal,
        })
      ).data;
    },
  };
}
