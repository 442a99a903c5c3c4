import type { PublicCourse } from '@swigs/schema';
import { ApiError } from '@swigs/sdk';
import { renderToString } from 'react-dom/server';
import { Layout } from '../components/Layout';
import { siteContents } from '../contents';
import { createSiteContext, type SiteContext } from '../context';
import { todayIn } from '../format';
import { messagesFor } from '../i18n';
import { renderHeadTags } from '../seo/head';
import { indexableEntries, renderRobots, renderSitemap } from '../seo/sitemap';
import { themeCss } from '../theme';
import { assetsPrefix, type SiteAssets } from './assets';
import { type ContactApi, contactFormFor, handleContactPost } from './contact';
import { renderDocument } from './document';
import { faviconSvg } from './favicon';
import { type CachedResponse, cachedResponse, isNotModified, PageCache } from './html-cache';
import { type LandingSite, renderLanding, renderUnknownHost } from './landing';
import { buildPage, notFoundPage, type PageData, type PageResult } from './pages';
import { matchRoute } from './routes';
import {
  isGone,
  isNotFound,
  loadSiteData,
  type SiteDataCache,
  SiteDataCache as SiteDataStore,
  type SiteReader,
} from './site-data';
import { VersionBatcher } from './version-batcher';

export interface Visitor {
  /** The visitor's address, forwarded to the API (rate limits count per visitor, not per renderer). */
  ip: string;
  /** The id of the visitor's page request, forwarded so the API's logs and jobs carry it. */
  requestId?: string | undefined;
}

/** What the renderer reads through: the SDK's public client (read API and contact form). */
export type SiteApi = SiteReader & ContactApi;

export interface SiteRequest {
  method: string;
  /** The Host header (a site's domain or alias, or the installation's own address). */
  host: string;
  /** Path and query, as received. */
  url: string;
  ip: string;
  /** The id the front server gave this request (its `X-Request-Id`), passed on to the API. */
  requestId?: string | undefined;
  acceptEncoding?: string | undefined;
  acceptLanguage?: string | undefined;
  ifNoneMatch?: string | undefined;
  /** Body of a form post (`application/x-www-form-urlencoded`). */
  form?: URLSearchParams | undefined;
}

export interface SiteResponse {
  status: number;
  headers: Record<string, string>;
  /** Also set for HEAD, so the HTTP layer can tell its length; it drops the bytes itself. */
  body?: Buffer | undefined;
}

export interface SiteRendererOptions {
  /** The public API client to use for a visitor. */
  api(visitor: Visitor): SiteApi;
  assets: SiteAssets;
  cache?: PageCache;
  /** Whether a host name is the installation's own address (landing page instead of "no site here"). */
  isInstallationHost?(host: string): boolean;
  /** The sites to list on the landing page; omit to list none (production). */
  listSites?(): Promise<LandingSite[]>;
  /** Where the admin panel lives (default `/admin`). */
  adminPath?: string;
  now?(): Date;
  /** Called with failures that turned into a 503 page, for the log. */
  onError?(error: unknown, request: SiteRequest): void;
}

export interface SiteRenderer {
  handle(request: SiteRequest): Promise<SiteResponse>;
  cache: PageCache;
}

const pageCacheControl = 'public, max-age=0, must-revalidate';
const previewPattern = /^\/preview\/([a-z0-9]+(?:-[a-z0-9]+)*)(\/.*)?$/;

interface SiteAddress {
  /** What the public API knows the site by: a host name or, under /preview/, the slug. */
  key: string;
  basePath: string;
  path: string;
  preview: boolean;
}

function hostName(host: string): string {
  return host.trim().toLowerCase().replace(/:\d+$/, '');
}

function resolveAddress(host: string, path: string): SiteAddress {
  const preview = previewPattern.exec(path);
  if (preview) {
    const slug = preview[1]!;
    return { key: slug, basePath: `/preview/${slug}`, path: preview[2] || '/', preview: true };
  }
  return { key: hostName(host), basePath: '', path, preview: false };
}

function preferredLanguage(acceptLanguage: string | undefined): 'fr' | 'en' {
  return /^\s*en\b/i.test(acceptLanguage ?? '') ? 'en' : 'fr';
}

/**
 * One renderer for every site. It picks the site by host name (or the `/preview/<slug>` prefix),
 * serves pages from a cache keyed by site, path and content version — asking the API for the
 * version on every request, so an edit shows at once — and renders a page on a miss: site data
 * through the SDK, React to HTML, SEO tags in the head.
 */
export function createSiteRenderer(options: SiteRendererOptions): SiteRenderer {
  const cache = options.cache ?? new PageCache();
  const siteData: SiteDataCache = new SiteDataStore();
  const { assets } = options;
  const now = options.now ?? (() => new Date());
  // Version lookups are the renderer's own reads (no visitor's data goes with them).
  const ownReader = options.api({ ip: '127.0.0.1' });
  const versions = new VersionBatcher((key) => ownReader.version(key));

  function respond(
    request: SiteRequest,
    page: CachedResponse,
    cacheControl: string,
    extra: Record<string, string> = {},
  ): SiteResponse {
    const headers: Record<string, string> = {
      ...page.headers,
      ...extra,
      etag: page.etag,
      'cache-control': cacheControl,
      vary: 'Accept-Encoding',
    };
    if (page.status === 200 && isNotModified(request.ifNoneMatch, page.etag)) return { status: 304, headers };
    const { encoding, bytes } = page.body.for(request.acceptEncoding);
    headers['content-type'] = page.contentType;
    headers['content-length'] = String(bytes.length);
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    return { status: page.status, headers, body: bytes };
  }

  /** A page rendered for a given day (the home page) is stale once that day is over. */
  function isCurrent(page: CachedResponse): boolean {
    return !page.renderedFor || todayIn(page.renderedFor.timeZone, now()) === page.renderedFor.day;
  }

  function html(
    status: number,
    body: string,
    cacheControl = 'no-store',
  ): (request: SiteRequest) => SiteResponse {
    const page = cachedResponse(status, 'text/html; charset=utf-8', body);
    return (request) => respond(request, page, cacheControl);
  }

  function renderPage(context: SiteContext, page: PageResult): string {
    const body = renderToString(
      <Layout context={context} current={page.current}>
        {page.element}
      </Layout>,
    );
    return renderDocument({
      lang: context.site.locale,
      headTags: renderHeadTags(context, page.head),
      css: assets.css + themeCss(context.site.theme),
      themeColor: context.site.theme.primaryColor,
      favicon: `${context.basePath}/favicon.svg`,
      body,
      script: page.hydrate ? assets.islands : undefined,
    });
  }

  function serveAsset(request: SiteRequest, path: string): SiteResponse {
    const file = assets.files.get(path);
    if (!file)
      return {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
        body: Buffer.from('Not found'),
      };
    const page: CachedResponse = {
      status: 200,
      contentType: file.contentType,
      headers: {},
      body: file.body,
      etag: file.etag,
    };
    return respond(request, page, 'public, max-age=31536000, immutable');
  }

  async function unknownSite(request: SiteRequest, address: SiteAddress): Promise<SiteResponse> {
    const language = preferredLanguage(request.acceptLanguage);
    if (!address.preview && address.path === '/' && options.isInstallationHost?.(address.key)) {
      const sites = options.listSites ? await options.listSites() : undefined;
      const port = /:(\d+)$/.exec(request.host)?.[1];
      return html(
        200,
        renderLanding({ language, adminPath: options.adminPath ?? '/admin', sites, port }, assets.css),
      )(request);
    }
    return html(
      404,
      renderUnknownHost(language, address.preview ? address.key : hostName(request.host), assets.css),
    )(request);
  }

  function unavailable(request: SiteRequest, error: unknown): SiteResponse {
    options.onError?.(error, request);
    const t = messagesFor(preferredLanguage(request.acceptLanguage));
    const body = renderDocument({
      lang: t.language,
      headTags: `<title>${t.unavailable.title}</title><meta name="robots" content="noindex">`,
      css: assets.css,
      body: `<main class="landing"><h1>${t.unavailable.title}</h1><p>${t.unavailable.text}</p></main>`,
    });
    const response = html(503, body)(request);
    response.headers['retry-after'] = '30';
    return response;
  }

  /** A page that moved for good (a course's former address): search engines follow and forget the old one. */
  function movedTo(location: string, cacheControl: string): SiteResponse {
    return { status: 301, headers: { location, 'cache-control': cacheControl } };
  }

  async function handle(request: SiteRequest): Promise<SiteResponse> {
    const queryStart = request.url.indexOf('?');
    const path = queryStart === -1 ? request.url : request.url.slice(0, queryStart);
    const query = new URLSearchParams(queryStart === -1 ? '' : request.url.slice(queryStart + 1));
    if (path.startsWith(assetsPrefix)) return serveAsset(request, path);
    if (path.length > 1 && path.endsWith('/')) {
      const target = path.replace(/\/+$/, '') || '/';
      return {
        status: 301,
        headers: { location: target + (queryStart === -1 ? '' : request.url.slice(queryStart)) },
      };
    }

    const address = resolveAddress(request.host, path);
    let siteId: string;
    let version: number;
    try {
      ({ siteId, version } = await versions.get(address.key));
    } catch (error) {
      // 400: a Host header that cannot name any site (too long, odd characters) is no site either.
      if (isNotFound(error) || (error instanceof ApiError && error.status === 400))
        return unknownSite(request, address);
      return unavailable(request, error);
    }
    cache.noteVersion(siteId, version);
    const previewHeaders: Record<string, string> = address.preview ? { 'x-robots-tag': 'noindex' } : {};
    const cacheControl = address.preview ? 'private, no-cache' : pageCacheControl;
    const cacheKey = `${address.basePath}${address.path}`;
    const isPost = request.method === 'POST';

    if (!isPost) {
      const hit = cache.get(siteId, version, cacheKey);
      if (hit && isCurrent(hit)) return respond(request, hit, cacheControl, previewHeaders);
    }
    // Only a miss reads anything but the version: the visitor's client is made here.
    const api = options.api({ ip: request.ip, requestId: request.requestId });

    try {
      const data = await siteData.get(siteId, version, () => loadSiteData(api, address.key));
      const context = createSiteContext({
        site: data.site,
        contents: siteContents(data.contents),
        seo: data.seo,
        basePath: address.basePath,
        today: todayIn(data.site.timeZone, now()),
      });
      let courses: Promise<PublicCourse[]> | undefined;
      const pageData: PageData = {
        courses: () => {
          courses ??= api.courses(address.key);
          return courses;
        },
        course: (slug) =>
          api.course(address.key, slug).catch((error) => {
            if (isNotFound(error)) return undefined;
            if (isGone(error)) return 'gone' as const;
            throw error;
          }),
      };
      const store = (page: CachedResponse) => {
        cache.set(siteId, version, cacheKey, page);
        return respond(request, page, cacheControl, previewHeaders);
      };

      switch (address.path) {
        case '/robots.txt':
          return store(cachedResponse(200, 'text/plain; charset=utf-8', renderRobots(context)));
        case '/sitemap.xml':
          return store(
            cachedResponse(
              200,
              'application/xml; charset=utf-8',
              renderSitemap(indexableEntries(context, await pageData.courses())),
            ),
          );
        case '/favicon.svg':
        case '/favicon.ico':
          return respond(
            request,
            cachedResponse(200, 'image/svg+xml', faviconSvg(data.site)),
            'public, max-age=86400',
          );
      }

      const route = matchRoute(context.language, address.path);
      if (route?.kind === 'contact') {
        const page = isPost
          ? await handleContactPost({
              context,
              api,
              key: address.key,
              form: request.form ?? new URLSearchParams(),
            })
          : {
              status: 200,
              form: await contactFormFor({ context, api, key: address.key, sent: query.get('sent') === '1' }),
            };
        if ('redirect' in page)
          return { status: 303, headers: { location: page.redirect, 'cache-control': 'no-store' } };
        const built = await buildPage(context, route, pageData, page.form);
        if ('location' in built) return movedTo(built.location, cacheControl);
        const response = cachedResponse(
          page.status,
          'text/html; charset=utf-8',
          renderPage(context, built),
          previewHeaders,
        );
        // The form carries a token issued for this view: never shared between visitors.
        return respond(request, response, 'no-store');
      }
      if (isPost)
        return {
          status: 405,
          headers: { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' },
          body: Buffer.from('Method not allowed'),
        };

      // Unknown paths share one cached 404 per site and version, so random URLs cannot fill the cache.
      const notFoundKey = `${address.basePath}\u0000404`;
      const cachedNotFound = () => cache.get(siteId, version, notFoundKey);
      if (!route) {
        const known = cachedNotFound();
        if (known) return respond(request, known, cacheControl, previewHeaders);
      }
      const built = route ? await buildPage(context, route, pageData) : notFoundPage(context);
      if ('location' in built) return movedTo(built.location, cacheControl);
      if (built.status === 404) {
        const known = cachedNotFound();
        if (known) return respond(request, known, cacheControl, previewHeaders);
      }
      const response = cachedResponse(
        built.status,
        'text/html; charset=utf-8',
        renderPage(context, built),
        previewHeaders,
      );
      // Only the home page depends on the date (its "upcoming" courses): it is valid for a day.
      if (route?.kind === 'home') response.renderedFor = { day: context.today, timeZone: data.site.timeZone };
      if (built.status !== 404) return store(response);
      cache.set(siteId, version, notFoundKey, response);
      return respond(request, response, cacheControl, previewHeaders);
    } catch (error) {
      return unavailable(request, error);
    }
  }

  return { handle, cache };
}
