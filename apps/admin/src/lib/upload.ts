import { dataOf, type Media, media, type Problem } from '@swigs/schema';
import { ApiError } from '@swigs/sdk';
import { session } from './api';
import { apiBaseUrl } from './config';

/**
 * Uploads one file to a site's media library with progress. The SDK's `media.upload` uses
 * fetch, which cannot report upload progress in browsers; this sends the same multipart request
 * with XMLHttpRequest, with the same session (refresh and replay on 401), and validates the answer
 * with the same contract schema — so the admin still talks to the API only through the contract.
 */
export function uploadMedia(
  siteId: string,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<Media> {
  const send = () =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${apiBaseUrl}/api/v1/sites/${siteId}/media`);
      xhr.withCredentials = true;
      xhr.setRequestHeader('accept', 'application/json');
      const token = session.getAccessToken();
      if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(event.loaded / event.total);
      };
      xhr.onload = () => resolve({ status: xhr.status, body: xhr.responseText });
      xhr.onerror = () => reject(new TypeError('Network error'));
      xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
      signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      const form = new FormData();
      form.append('file', file, file.name);
      xhr.send(form);
    });

  const problemOf = (status: number, body: string): Problem => {
    try {
      const parsed = JSON.parse(body) as Problem;
      if (parsed && typeof parsed.code === 'string') return parsed;
    } catch {
      // Not JSON: a proxy answered.
    }
    return {
      type: 'about:blank',
      title: 'Upload failed',
      status,
      code: status === 413 ? 'PAYLOAD_TOO_LARGE' : status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST',
    };
  };

  return (async () => {
    let answer = await send();
    if (answer.status === 401 && (await session.handleUnauthorized())) {
      onProgress(0);
      answer = await send();
    }
    if (answer.status < 200 || answer.status >= 300)
      throw new ApiError(problemOf(answer.status, answer.body));
    onProgress(1);
    return dataOf(media).parse(JSON.parse(answer.body)).data;
  })();
}
