import type {
  Course,
  CreateCourseBody,
  CreateSiteBody,
  Site,
  UpdateSeoBody,
  UpsertContentBody,
} from '@swigs/schema';
import { type AdminApi, createClient } from '@swigs/sdk';
import type { LightMyRequestResponse } from 'fastify';
import { injectFetch } from '../../api/src/plugins/public-sites';
import { buildTestApp, type TestApp, type TestAppOptions } from '../../api/test/build-test-app';
import { createMedia, type LoggedIn, loggedInUser, uniqueSuffix } from '../../api/test/factories';

/**
 * The embedded server as a newcomer runs it (API + public sites in one process, on a test
 * database), an admin client of the SDK to write content through the API, and a way to fetch
 * pages with any Host header.
 */
export interface Embedded {
  t: TestApp;
  admin: LoggedIn;
  api: AdminApi;
  /** GET (or another method) a page as a browser on `host` would. */
  page(host: string, url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function startEmbedded(options: TestAppOptions = {}): Promise<Embedded> {
  const t = await buildTestApp(options);
  const admin = await loggedInUser(t.app, t.database, { role: 'admin' });
  const api = createClient({
    baseUrl: '',
    fetch: injectFetch(t.app, { ip: '127.0.0.1' }),
    getAccessToken: () => admin.token,
  });
  return {
    t,
    admin,
    api,
    page: (host, url, headers = {}) => t.app.inject({ method: 'GET', url, headers: { host, ...headers } }),
    close: () => t.close(),
  };
}

export interface SiteSpec {
  site: Omit<CreateSiteBody, 'slug' | 'domain'> & { slug?: string; domain?: string };
  /** Gives the site a logo (a media row, as an upload leaves it). */
  logo?: boolean;
  courses?: CreateCourseBody[];
  contents?: Record<string, UpsertContentBody>;
  /** SEO by page name (`home`, `legal`…) or custom path (`/protection-des-donnees`). */
  seo?: Record<string, UpdateSeoBody>;
}

export interface TestSite {
  site: Site;
  courses: Course[];
}

/** Creates a site with its content through the admin API, as an editor would. */
export async function createTestSite(embedded: Embedded, spec: SiteSpec): Promise<TestSite> {
  const { api } = embedded;
  const suffix = uniqueSuffix();
  let site = await api.sites.create({
    slug: spec.site.slug ?? `site-${suffix}`,
    domain: spec.site.domain ?? `site-${suffix}.example.ch`,
    ...spec.site,
  });
  if (spec.logo) {
    const media = await createMedia(embedded.t.database, site.id, { alt: `Logo ${site.name}` });
    site = await api.sites.update(site.id, { logoId: media.id, version: site.version });
  }
  const courses: Course[] = [];
  for (const body of spec.courses ?? []) courses.push(await api.courses.create(site.id, body));
  for (const [key, body] of Object.entries(spec.contents ?? {})) await api.contents.put(site.id, key, body);
  if (spec.seo) {
    const { data: records } = await api.seo.list(site.id, { pageSize: 100 });
    for (const [page, body] of Object.entries(spec.seo)) {
      const record = records.find((candidate) => candidate.page === page);
      if (record) await api.seo.update(site.id, record.id, { ...body, version: record.version });
      else await api.seo.create(site.id, { ...body, page });
    }
  }
  return { site: await api.sites.get(site.id), courses };
}
