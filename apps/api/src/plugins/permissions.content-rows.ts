import { type Row, statuses, tokens } from './permissions.matrix';

/** Matrix rows of courses, contents, SEO, API tokens, audit, stats and the public read API. */

const site = (c: { siteA: { id: string } }, path = '') => `/api/v1/sites/${c.siteA.id}${path}`;
const everyone200 = statuses(200, 200, 200, 200, tokens(200, 200));

export const contentRows: Row[] = [
  {
    method: 'GET',
    path: '/sites/{siteId}/courses',
    request: (c) => ({ url: site(c, '/courses') }),
    expected: statuses(401, 200, 403, 200, tokens(200, 200)),
  },
  {
    method: 'POST',
    path: '/sites/{siteId}/courses',
    request: (c) => ({ url: site(c, '/courses'), payload: { title: 'Nouveau cours' } }),
    expected: statuses(401, 201, 403, 201, tokens(403, 201)),
  },
  {
    method: 'POST',
    path: '/sites/{siteId}/courses/reorder',
    request: async (c) => ({ url: site(c, '/courses/reorder'), payload: { ids: [(await c.course()).id] } }),
    expected: statuses(401, 200, 403, 200, tokens(403, 200)),
  },
  {
    method: 'GET',
    path: '/sites/{siteId}/courses/{courseId}',
    request: async (c) => ({ url: site(c, `/courses/${(await c.course()).id}`) }),
    expected: statuses(401, 200, 403, 200, tokens(200, 200)),
  },
  {
    method: 'PATCH',
    path: '/sites/{siteId}/courses/{courseId}',
    request: async (c) => ({ url: site(c, `/courses/${(await c.course()).id}`), payload: { places: 3 } }),
    expected: statuses(401, 200, 403, 200, tokens(403, 200)),
  },
  {
    method: 'DELETE',
    path: '/sites/{siteId}/courses/{courseId}',
    request: async (c) => ({ url: site(c, `/courses/${(await c.course()).id}`) }),
    expected: statuses(401, 204, 403, 204, tokens(403, 204)),
  },
  {
    method: 'GET',
    path: '/sites/{siteId}/contents',
    request: (c) => ({ url: site(c, '/contents') }),
    expected: statuses(401, 200, 403, 200, tokens(200, 200)),
  },
  {
    method: 'GET',
    path: '/sites/{siteId}/contents/{key}',
    request: async (c) => ({ url: site(c, `/contents/${await c.content()}`) }),
    expected: statuses(401, 200, 403, 200, tokens(200, 200)),
  },
  {
    method: 'PUT',
    path: '/sites/{siteId}/contents/{key}',
    request: (c) => ({
      url: site(c, '/contents/about.body'),
      payload: { type: 'text', data: { text: 'À propos' } },
    }),
    expected: statuses(401, 201, 403, 201, tokens(403, 201)),
  },
  {
    method: 'DELETE',
    path: '/sites/{siteId}/contents/{key}',
    request: async (c) => ({ url: site(c, `/contents/${await c.content()}`) }),
    expected: statuses(401, 204, 403, 204, tokens(403, 204)),
  },
  {
    method: 'GET',
    path: '/sites/{siteId}/seo',
    request: (c) => ({ url: site(c, '/seo') }),
    expected: statuses(401, 200, 403, 200, tokens(200, 200)),
  },
  {
    method: 'POST',
    path: '/sites/{siteId}/seo',
    request: (c) => ({ url: site(c, '/seo'), payload: { page: '/tarifs', metaTitle: 'Tarifs' } }),
    expected: statuses(401, 201, 403, 201, tokens(403, 201)),
  },
  {
    method: 'GET',
    path: '/sites/{siteId}/seo/{seoId}',
    request: async (c) => ({ url: site(c, `/seo/${await c.customSeo()}`) }),
    expected: statuses(401, 200, 403, 200, tokens(200, 200)),
  },
  {
    method: 'PATCH',
    path: '/sites/{siteId}/seo/{seoId}',
    request: async (c) => ({ url: site(c, `/seo/${await c.customSeo()}`), payload: { noindex: true } }),
    expected: statuses(401, 200, 403, 200, tokens(403, 200)),
  },
  {
    method: 'DELETE',
    path: '/sites/{siteId}/seo/{seoId}',
    request: async (c) => ({ url: site(c, `/seo/${await c.customSeo()}`) }),
    expected: statuses(401, 204, 403, 204, tokens(403, 204)),
  },
  {
    method: 'GET',
    path: '/sites/{siteId}/tokens',
    request: (c) => ({ url: site(c, '/tokens') }),
    expected: statuses(401, 200, 403, 200, tokens(403, 403)),
  },
  {
    method: 'POST',
    path: '/sites/{siteId}/tokens',
    request: (c) => ({ url: site(c, '/tokens'), payload: { name: 'Intégration', scope: 'write' } }),
    expected: statuses(401, 201, 403, 201, tokens(403, 403)),
  },
  {
    method: 'DELETE',
    path: '/sites/{siteId}/tokens/{tokenId}',
    request: async (c) => ({ url: site(c, `/tokens/${await c.token()}`) }),
    expected: statuses(401, 200, 403, 200, tokens(403, 403)),
  },
  {
    method: 'GET',
    path: '/sites/{siteId}/audit',
    request: (c) => ({ url: site(c, '/audit') }),
    expected: statuses(401, 403, 403, 200, tokens(403, 403)),
  },
  {
    method: 'GET',
    path: '/audit',
    request: () => ({ url: '/api/v1/audit' }),
    expected: statuses(401, 403, 403, 200),
  },
  {
    method: 'GET',
    path: '/sites/{siteId}/stats',
    request: (c) => ({ url: site(c, '/stats') }),
    expected: statuses(401, 200, 403, 200, tokens(200, 200)),
  },
  {
    method: 'GET',
    path: '/public/sites/{site}',
    request: (c) => ({ url: `/api/v1/public/sites/${c.siteA.slug}` }),
    expected: everyone200,
  },
  {
    method: 'GET',
    path: '/public/sites/{site}/courses',
    request: (c) => ({ url: `/api/v1/public/sites/${c.siteA.domain}/courses` }),
    expected: everyone200,
  },
  {
    method: 'GET',
    path: '/public/sites/{site}/courses/{slug}',
    request: async (c) => ({
      url: `/api/v1/public/sites/${c.siteA.slug}/courses/${(await c.course()).slug}`,
    }),
    expected: everyone200,
  },
  {
    method: 'GET',
    path: '/public/sites/{site}/contents',
    request: (c) => ({ url: `/api/v1/public/sites/${c.siteA.slug}/contents` }),
    expected: everyone200,
  },
  {
    method: 'GET',
    path: '/public/sites/{site}/contents/{key}',
    request: async (c) => ({ url: `/api/v1/public/sites/${c.siteA.slug}/contents/${await c.content()}` }),
    expected: everyone200,
  },
  {
    method: 'GET',
    path: '/public/sites/{site}/seo.json',
    request: (c) => ({ url: `/api/v1/public/sites/${c.siteA.slug}/seo.json` }),
    expected: everyone200,
  },
  {
    method: 'GET',
    path: '/public/sites/{site}/version',
    request: (c) => ({ url: `/api/v1/public/sites/${c.siteA.slug}/version` }),
    expected: everyone200,
  },
];
