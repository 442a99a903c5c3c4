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
   * `blob`: read it as bytes (an archive).
   */
  responseType?: 'json' | 'text' | 'blob';
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
    const json: unknown =
      requestOptions.responseType === 'text'
        ? await response.text()
        : requestOptions.responseType === 'blob'
          ? await response.blob()
          : await response.json();
    return (validate ? requestOptions.schema.parse(json) : json) as never;
  };
}
