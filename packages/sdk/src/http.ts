import type { ListMeta, Problem } from '@swigs/schema';
import type { z } from 'zod';

/** A failed API call, carrying the server's problem+json body (stable `code`, field `errors`). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get code() {
    return this.problem.code;
  }
}

export interface ClientOptions {
  /** Origin of the API server, e.g. `https://cms.example.ch` ('' for the same origin in a browser). */
  baseUrl: string;
  /** Defaults to the global fetch; pass another to run in-process or in tests. */
  fetch?: typeof fetch;
  /** The access token to send, if any (admin API). */
  getAccessToken?: () => string | undefined;
  /**
   * Called once when a call fails with an expired or invalid access token; resolve true after
   * obtaining a new token and the call is replayed.
   */
  onUnauthorized?: () => Promise<boolean>;
  /** Validate every response against the shared schemas (default true): a contract drift fails loudly. */
  validateResponses?: boolean;
  /** Extra headers on every call. */
  headers?: Record<string, string>;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions<S extends z.ZodType | undefined> {
  query?: Query | undefined;
  body?: unknown;
  /** Schema of the whole response body; omitted for 204 answers. */
  schema?: S;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  /**
   * `text`: read the body as text (a CSV export) and check it against `schema` as a string;
   * `blob`: read it as bytes (an archive); `file`: the same, as a `File` named by the answer's
   * `Content-Disposition` (or `fileName` when it names none).
   */
  responseType?: 'json' | 'text' | 'blob' | 'file';
  /** With `responseType: 'file'`: the name when the server gives none. */
  fileName?: string;
}

export interface Page<T> {
  data: T[];
  meta: ListMeta;
}

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function problemOf(response: Response): Promise<Problem> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as Problem;
    if (body && typeof body.code === 'string') return body;
  } catch {
    // Not JSON: a proxy or a crashed server answered. Describe it as well as we can.
  }
  return {
    type: 'about:blank',
    title: response.statusText || 'Request failed',
    status: response.status,
    code: response.status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST',
    detail: text.slice(0, 200) || `HTTP ${response.status}`,
  };
}

/**
 * The file name of a `Content-Disposition` header: `filename*=UTF-8''…` (RFC 6266) first, then
 * `filename="…"`. Path separators are dropped: the name is only ever a suggestion for a download.
 */
export function fileNameOf(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)?.[1];
  let name: string | undefined;
  if (extended) {
    try {
      name = decodeURIComponent(extended.trim());
    } catch {
      name = undefined;
    }
  }
  name ??= /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/.exec(header)?.slice(1).find(Boolean);
  const safe = name?.replace(/\\(.)/g, '$1').replace(/[/\\]/g, '_').trim();
  return safe || undefined;
}

async function bodyOf(response: Response, options: RequestOptions<z.ZodType | undefined>): Promise<unknown> {
  switch (options.responseType) {
    case 'text':
      return response.text();
    case 'blob':
      return response.blob();
    case 'file': {
      const blob = await response.blob();
      const name = fileNameOf(response.headers.get('content-disposition')) ?? options.fileName ?? 'download';
      return new File([blob], name, { type: blob.type });
    }
    default:
      return response.json();
  }
}

export type Requester = <S extends z.ZodType | undefined = undefined>(
  method: string,
  path: string,
  options?: RequestOptions<S>,
) => Promise<S extends z.ZodType ? z.output<S> : undefined>;

/** The one function every SDK call goes through: URL, auth header, JSON, errors, refresh-and-replay. */
export function createRequester(options: ClientOptions): Requester {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const validate = options.validateResponses ?? true;

  return async function request(method, path, requestOptions = {}) {
    const send = async () => {
      const headers: Record<string, string> = {
        accept: 'application/json',
        ...options.headers,
        ...requestOptions.headers,
      };
      const token = options.getAccessToken?.();
      if (token) headers.authorization = `Bearer ${token}`;
      let body: BodyInit | undefined;
      if (requestOptions.body instanceof FormData) body = requestOptions.body;
      else if (requestOptions.body !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(requestOptions.body);
      }
      return doFetch(`${options.baseUrl}${path}${queryString(requestOptions.query)}`, {
        method,
        headers,
        body,
        credentials: 'include',
        signal: requestOptions.signal,
      });
    };
    let response = await send();
    if (response.status === 401 && options.onUnauthorized && !path.startsWith('/api/v1/auth/')) {
      if (await options.onUnauthorized()) response = await send();
    }
    if (!response.ok) throw new ApiError(await problemOf(response));
    if (!requestOptions.schema || response.status === 204) return undefined as never;
    const body = await bodyOf(response, requestOptions);
    return (validate ? requestOptions.schema.parse(body) : body) as never;
  };
}
