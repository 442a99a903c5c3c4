import { dataOf, listOf, type MediaListQuery, media, mediaUsage, type UpdateMediaBody } from '@swigs/schema';
import { z } from 'zod';
import type { Query, Requester } from '../http';
import { ifMatch, v1 } from './shared';

// Built once: a schema built per call would be compiled by zod on every call.
const mediaUsageList = z.array(mediaUsage);

export interface UploadMediaOptions {
  /** The file name shown in the library (the server never uses it as a path). */
  filename?: string;
  alt?: string;
  title?: string;
  signal?: AbortSignal;
}

export function createMediaApi(request: Requester) {
  const base = (siteId: string) => `${v1}/sites/${siteId}/media`;
  return {
    list: (siteId: string, query: MediaListQuery = {}) =>
      request('GET', base(siteId), { query: query as Query, schema: listOf(media) }),
    get: async (siteId: string, mediaId: string) =>
      (await request('GET', `${base(siteId)}/${mediaId}`, { schema: dataOf(media) })).data,
    /** Uploads a file (multipart); its type is recognised by the server from its content. */
    upload: async (siteId: string, file: Blob, options: UploadMediaOptions = {}) => {
      const form = new FormData();
      // Text fields first: the server reads them before the file streams in.
      if (options.alt) form.append('alt', options.alt);
      if (options.title) form.append('title', options.title);
      form.append('file', file, options.filename ?? (file instanceof File ? file.name : 'file'));
      return (
        await request('POST', base(siteId), { body: form, schema: dataOf(media), signal: options.signal })
      ).data;
    },
    update: async (siteId: string, mediaId: string, body: UpdateMediaBody) =>
      (
        await request('PATCH', `${base(siteId)}/${mediaId}`, {
          body,
          schema: dataOf(media),
          headers: ifMatch(body.version),
        })
      ).data,
    usages: async (siteId: string, mediaId: string) =>
      (await request('GET', `${base(siteId)}/${mediaId}/usages`, { schema: dataOf(mediaUsageList) })).data,
    /** Refused with MEDIA_IN_USE (409) while something shows the file, unless `force`. */
    delete: (siteId: string, mediaId: string, options: { force?: boolean } = {}) =>
      request('DELETE', `${base(siteId)}/${mediaId}`, { query: options.force ? { force: true } : undefined }),
  };
}
