import { isIP } from 'node:net';
import { createPublicClient } from '@swigs/sdk';
import {
  AssetsNotBuiltError,
  createSiteRenderer,
  type LandingSite,
  loadAssets,
  type SiteApi,
  type SiteRenderer,
  type Visitor,
} from '@swigs/site';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import type { DatabaseHandle } from '../db/client';
import type { InProcessMark } from '../lib/in-process';
import { createSitesRepository } from '../modules/sites/sites.repository';

/** Paths the public sites never answer: the API, the admin panel, uploaded files, health. */
export const reservedPrefixes = ['/api', '/admin', '/uploads', '/healthz', '/readyz', '/metrics'];

export interface PublicSitesOptions {
  config: Config;
  database: DatabaseHandle;
  /** Directory of the site renderer's client build (default: the @swigs/site package's dist). */
  assetsDir?: string | undefined;
  /** Marks the renderer's in-process API reads (not counted by the global rate limit). */
  inProcess?: InProcessMark | undefined;
}

/**
 * The sites the landing page lists with their preview links. Outside production only: there,
 * the list of an agency's clients is nobody's business.
 */
function landingSites(options: PublicSitesOptions): (() => Promise<LandingSite[]>) | undefined {
  const { environment } = options.config;
  if (environment === 'production' || environment === 'staging') return undefined;
  // A read-only list of names and addresses for a page of links: no rule of the sites service
  // applies (no viewer, no change), so this reads the repository directly.
  const sites = createSitesRepository(options.database.db);
  return async () => {
    const { rows } = await sites.list({ page: 1, pageSize: 200 });
    return rows.map(({ slug, name, domain }) => ({ slug, name, domain }));
  };
}

/**
 * The security headers of public pages: helmet's defaults, written out once. The global helmet
 * hook rebuilds them on every request (about a tenth of a cached page's cost), so page routes
 * opt out of it and send these precomputed values instead. The CSP allows what pages use: the
 * inlined stylesheet, the islands script and images from the same origin, forms posting to it.
 */
export const pageSecurityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' https: 'unsafe-inline';upgrade-insecure-requests",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

function isReserved(path: string): boolean {
  return reservedPrefixes.some(
    (prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`),
  );
}

/**
 * A `fetch` that answers from this very process through `app.inject`: the renderer reads the
 * public API through the SDK like any external front end, without a network hop. The visitor's
 * address goes along, so per-address limits (the contact form's) count visitors, not the
 * renderer; with `mark`, the requests are known as in-process ones, which the global limit does
 * not count again (the visitor's page request was). The page's request id goes along too: a
 * contact message posted through a page is logged, and its mails are sent, under that id.
 */
export function injectFetch(app: FastifyInstance, visitor: Visitor, mark?: InProcessMark): typeof fetch {
  return async (input, init) => {
    const url = new URL(
      typeof input === 'string' || input instanceof URL ? input : input.url,
      'http://in-process',
    );
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    if (visitor.requestId) headers['x-request-id'] = visitor.requestId;
    if (mark) Object.assign(headers, mark.headers);
    const response = await app.inject({
      method: (init?.method ?? 'GET') as 'GET',
      url: `${url.pathname}${url.search}`,
      headers,
      ...(typeof init?.body === 'string' ? { payload: init.body } : {}),
      remoteAddress: visitor.ip,
    });
    const responseHeaders = new Headers();
    for (const [key, value] of Object.entries(response.headers)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) responseHeaders.append(key, String(item));
    }
    const empty = response.statusCode === 204 || response.statusCode === 304;
    return new Response(empty ? null : response.body, {
      status: response.statusCode,
      headers: responseHeaders,
    });
  };
}

/**
 * Serves every public site from this process (embedded mode): requests that are not for the
 * API, the admin panel or uploads go to the renderer of `@swigs/site`, which picks the site by
 * the Host header (or `/preview/<slug>/…`). Registered last, encapsulated: the form parser it adds
 * applies to the sites' contact form only, never to the API.
 */
export async function publicSites(app: FastifyInstance, options: PublicSitesOptions) {
  const publicHost = new URL(options.config.http.publicUrl).hostname.toLowerCase();
  let renderer: SiteRenderer | undefined;
  try {
    const assets = loadAssets(options.assetsDir);
    renderer = createSiteRenderer({
      api: (visitor): SiteApi =>
        createPublicClient({ baseUrl: '', fetch: injectFetch(app, visitor, options.inProcess) }),
      assets,
      isInstallationHost: (host) => {
        const name = host.replace(/^\[|\]$/g, '');
        return isIP(name) !== 0 || name === 'localhost' || name === publicHost;
      },
      listSites: landingSites(options),
      onError: (error, request) =>
        app.log.error({ err: error, url: request.url, host: request.host }, 'public site unavailable'),
    });
  } catch (error) {
    if (!(error instanceof AssetsNotBuiltError)) throw error;
    // The API stays usable from a fresh checkout; the sites say what is missing.
    app.log.warn(error.message);
  }

  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_request, body, done) => done(null, new URLSearchParams(body as string)),
  );

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    if (isReserved(request.url)) return reply.callNotFound();
    reply.headers(pageSecurityHeaders);
    if (!renderer) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The public sites are not built yet: run `npm run build` at the repository root.');
    }
    const response = await renderer.handle({
      method: request.method,
      host: request.host,
      url: request.url,
      ip: request.ip,
      requestId: request.id,
      acceptEncoding: request.headers['accept-encoding'],
      acceptLanguage: request.headers['accept-language'],
      ifNoneMatch: request.headers['if-none-match'],
      form: request.body instanceof URLSearchParams ? request.body : undefined,
    });
    reply.code(response.status).headers(response.headers);
    // Fastify drops the body of a HEAD answer itself, keeping its length.
    return reply.send(response.body);
  };

  // Pages, not API operations: kept out of the OpenAPI document. No access log line per page view
  // (a tenth of a cached page's cost; the front proxy logs visits): warnings and errors only.
  for (const url of ['/', '/*']) {
    app.route({
      method: ['GET', 'POST'],
      url,
      schema: { hide: true },
      logLevel: 'warn',
      helmet: false,
      handler,
    });
  }
}
