import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { contentVersionHeader } from '@swigs/schema';
import { requestIdOf } from '../../lib/request-id';
import type { GlobalRateLimitGate, RateLimitCount } from '../../plugins/rate-limit';
import { isNotModified, publicCacheControl, versionCacheControl } from './public.routes';
import type { CachedAnswer } from './public-cache';

/** Synchronous reads of the in-process public cache. */
export interface CachedAnswers {
  /** The fresh answer, or undefined; counts nothing. */
  peek(siteKey: string, resource: string): CachedAnswer | undefined;
  /** Reports a hit served (the cache's hit counter). */
  hit(): void;
}

export interface PublicFastPathDeps {
  answers: CachedAnswers;
  rateLimit: GlobalRateLimitGate;
  /** The client's address as Fastify's `request.ip` would give it (TRUST_PROXY). */
  clientAddress(request: IncomingMessage): string | undefined;
  isDraining(): boolean;
  /** CORS_ORIGINS: @fastify/cors adds headers to every answer when it names origins. */
  corsOrigins: readonly string[];
  maxAgeSeconds: number;
  /** A series of the request-duration histogram, labelled like Fastify's answers. */
  durationSeries(labels: { method: string; route: string; status_code: string }): {
    observe(seconds: number): void;
  };
  /** Counts the answers given here. */
  served(): void;
}

/** Answers a request and returns true, or returns false having touched nothing (Fastify answers). */
export type FastPath = (request: IncomingMessage, response: ServerResponse) => boolean;

const prefix = '/api/v1/public/sites/';
/** Characters a path segment may hold to be taken as it is: no `%` (decoding), `?` (query), `/`. */
const plainSegment = /^[A-Za-z0-9._:-]+$/;
/** Fastify's router answers 404 to a longer parameter (find-my-way's maxParamLength, kept at its default). */
const maxParamLength = 100;
const jsonType = 'application/json; charset=utf-8';

interface Route {
  /** The route pattern, as Fastify labels the request-duration histogram. */
  pattern: string;
  cacheControl: string;
  /** The histogram's series of this route, by status. */
  durations: Map<number, { observe(seconds: number): void }>;
}

interface Target {
  siteKey: string;
  resource: string;
  route: Route;
}

/** Paths resolved lately (a site's pages ask for the same few); forgotten all at once when full. */
const resolvedPathsMax = 1024;

/**
 * The headers of one answer, in the order Fastify sends them, with empty slots for what changes
 * per request (request id, RateLimit-Remaining and -Reset). Node reads the array when the head is
 * written, so one array serves every request.
 */
interface HeaderTemplate {
  headers: string[];
  /** Index of RateLimit-Remaining's value; -1 without RateLimit-* headers. */
  remainingAt: number;
}

/** An answer's templates: 200 or 304, with or without RateLimit-* headers. */
interface AnswerTemplates {
  route: Route;
  kinds: (HeaderTemplate | undefined)[];
}

/**
 * Cached public reads answered before Fastify: a hit of the in-process cache is a few header lines
 * and bytes already serialised, and Fastify's request cycle (routing, hooks, reply, logger child)
 * costs more than the answer itself. Everything a client or operator sees is what the Fastify path
 * gives for the same request — request id, Vary and CORS headers, the global rate limit (same
 * counters, same RateLimit-* headers), ETag/304, Cache-Control, the content version, the
 * request-duration histogram and the cache's hit counter; public-fast-path.routes.test.ts compares
 * the two answer by answer. Whatever is not a plain cache hit goes to Fastify untouched: other
 * methods (HEAD included), a query string, encoded or unusual characters, a trailing slash, a
 * request with `Origin` (CORS decided per site) or a body, a limit about to refuse or counted in
 * Redis, a draining instance, a miss. Answers cached in Redis are not read here (that read is
 * asynchronous): with REDIS_URL, every request goes through Fastify.
 */
export function createPublicFastPath(deps: PublicFastPathDeps): FastPath {
  const cacheControl = publicCacheControl(deps.maxAgeSeconds);
  const route = (suffix: string, control = cacheControl): Route => ({
    pattern: `${prefix}:site${suffix}`,
    cacheControl: control,
    durations: new Map(),
  });
  const routes = {
    site: route(''),
    courses: route('/courses'),
    course: route('/courses/:slug'),
    contents: route('/contents'),
    content: route('/contents/:key'),
    seoJson: route('/seo.json'),
    version: route('/version', versionCacheControl),
  };
  // @fastify/cors adds these to every answer when CORS_ORIGINS names origins; the public CORS hook
  // adds Vary: Origin to every public answer (see public-cors.ts).
  const fixedHeaders = ['vary', 'Origin'];
  if (deps.corsOrigins.length > 0) {
    if (deps.corsOrigins.includes('*')) fixedHeaders.push('access-control-allow-origin', '*');
    fixedHeaders.push(
      'access-control-allow-credentials',
      'true',
      'access-control-expose-headers',
      'Content-Disposition',
    );
  }
  const durationOf = (route: Route, status: number) => {
    let series = route.durations.get(status);
    if (!series) {
      series = deps.durationSeries({ method: 'GET', route: route.pattern, status_code: String(status) });
      route.durations.set(status, series);
    }
    return series;
  };

  /** The cached resource and route of a path, as the public routes name them (public.service.ts). */
  function resolve(path: string): Target | undefined {
    const parts = path.slice(prefix.length).split('/');
    const [site, section, item] = parts;
    if (!site || parts.length > 3) return undefined;
    for (const part of parts) {
      if (part.length > maxParamLength || !plainSegment.test(part)) return undefined;
    }
    // normaliseSiteKey, without its trim: a plain segment holds no spaces.
    const siteKey = site.toLowerCase().replace(/:\d+$/, '');
    if (section === undefined) return { siteKey, resource: 'site', route: routes.site };
    if (item !== undefined) {
      if (section === 'courses') return { siteKey, resource: `course:${item}`, route: routes.course };
      if (section === 'contents') return { siteKey, resource: `content:${item}`, route: routes.content };
      return undefined;
    }
    if (section === 'courses') return { siteKey, resource: 'courses', route: routes.courses };
    if (section === 'contents') return { siteKey, resource: 'contents:', route: routes.contents };
    if (section === 'seo.json') return { siteKey, resource: 'seo.json', route: routes.seoJson };
    if (section === 'version') return { siteKey, resource: 'version', route: routes.version };
    return undefined;
  }

  const resolved = new Map<string, Target>();
  function targetOf(path: string): Target | undefined {
    let target = resolved.get(path);
    if (target) return target;
    target = resolve(path);
    if (!target) return undefined;
    if (resolved.size >= resolvedPathsMax) resolved.clear();
    resolved.set(path, target);
    return target;
  }

  const templates = new WeakMap<CachedAnswer, AnswerTemplates>();
  function templateOf(
    answer: CachedAnswer,
    route: Route,
    notModified: boolean,
    count: RateLimitCount | null,
  ): HeaderTemplate {
    let entry = templates.get(answer);
    if (!entry || entry.route !== route) {
      entry = { route, kinds: [] };
      templates.set(answer, entry);
    }
    const kind = (notModified ? 1 : 0) + (count ? 2 : 0);
    let template = entry.kinds[kind];
    if (!template) {
      const headers = ['x-request-id', '', ...fixedHeaders];
      let remainingAt = -1;
      if (count) {
        remainingAt = headers.length + 3;
        headers.push('ratelimit-limit', count.limit, 'ratelimit-remaining', '', 'ratelimit-reset', '');
      }
      headers.push(
        'x-content-type-options',
        'nosniff',
        'etag',
        answer.etag,
        'cache-control',
        route.cacheControl,
        contentVersionHeader,
        String(answer.contentVersion),
      );
      if (!notModified) headers.push('content-type', jsonType, 'content-length', String(answer.body.length));
      template = { headers, remainingAt };
      entry.kinds[kind] = template;
    }
    return template;
  }

  return (request, response) => {
    const url = request.url;
    if (request.method !== 'GET' || !url?.startsWith(prefix)) return false;
    const headers = request.headers;
    // With Origin, CORS is decided per site; a GET with a body is left to Fastify's rules for bodies.
    if (headers.origin !== undefined || deps.isDraining()) return false;
    if (headers['content-length'] !== undefined || headers['transfer-encoding'] !== undefined) return false;
    const started = performance.now();
    const target = targetOf(url);
    if (!target) return false;
    // Only answers stored by the Fastify path are found here: a resource is cached only after its
    // request passed the route's validation, so a hit needs no validation of its own.
    const answer = deps.answers.peek(target.siteKey, target.resource);
    if (!answer) return false;
    const ip = deps.clientAddress(request);
    if (ip === undefined) return false;
    const count = deps.rateLimit.take(headers, ip);
    if (count === undefined) return false;

    const notModified = isNotModified(headers['if-none-match'], answer.etag);
    const template = templateOf(answer, target.route, notModified, count);
    template.headers[1] = requestIdOf(request);
    if (count) {
      template.headers[template.remainingAt] = String(count.remaining);
      template.headers[template.remainingAt + 2] = String(count.resetSeconds);
    }
    const status = notModified ? 304 : 200;
    response.writeHead(status, template.headers);
    if (notModified) response.end();
    else response.end(answer.body);
    deps.answers.hit();
    deps.served();
    durationOf(target.route, status).observe((performance.now() - started) / 1000);
    return true;
  };
}
