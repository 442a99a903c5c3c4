import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Embedded, startEmbedded } from './embedded';

/**
 * The renderer reads the public API in process, for every visitor. Those reads must not share one
 * budget of the global per-address limit (they would all come from 127.0.0.1): after a few hundred
 * page views a minute every site would answer 503. The visitor's own page request counts; the
 * contact form's tier counts per visitor address, which the in-process post carries.
 */

const globalMax = 8;
const strictMax = 2;
let e: Embedded;
let host: string;

beforeAll(async () => {
  e = await startEmbedded({
    env: {
      RATE_LIMIT_MAX: String(globalMax),
      RATE_LIMIT_STRICT_MAX: String(strictMax),
      CONTACT_MIN_FILL_SECONDS: '0',
    },
  });
  const site = await e.api.sites.create({
    name: 'Limites',
    slug: `limites-${Date.now()}`,
    domain: `limites-${Date.now()}.example.ch`,
  });
  host = site.domain;
});
afterAll(() => e.close());

function visit(url: string, remoteAddress: string, headers: Record<string, string> = {}) {
  return e.t.app.inject({ method: 'GET', url, remoteAddress, headers: { host, ...headers } });
}

function postContact(
  remoteAddress: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return e.t.app.inject({
    method: 'POST',
    url: '/contact',
    remoteAddress,
    headers: { host, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams(form).toString(),
  });
}

describe('rate limits and the public-site renderer', () => {
  it('serves many visitors: the renderer’s own API reads do not use up one shared budget', async () => {
    const statuses: number[] = [];
    // Four times the global limit in page views, each from its own visitor: every page reads the
    // site's version (and, on a miss, its data) from the public API in process.
    for (let i = 1; i <= globalMax * 4; i++) {
      statuses.push((await visit(i % 2 === 0 ? '/' : '/formations', `198.51.100.${i}`)).statusCode);
    }
    expect(statuses).toEqual(Array(globalMax * 4).fill(200));
  });

  it('still limits each visitor by their own page requests', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= globalMax; i++) statuses.push((await visit('/', '203.0.113.7')).statusCode);
    expect(statuses).toEqual([...Array(globalMax).fill(200), 429]);
    expect((await visit('/', '203.0.113.8')).statusCode).toBe(200);
  });

  it('counts contact messages posted through a page against the visitor’s address, with the page’s request id', async () => {
    const form = { name: 'Ada', email: 'ada@example.ch', message: 'Bonjour, une question.' };
    const tokenOf = async (address: string) =>
      load((await visit('/contact', address)).body)('input[name=formToken]').val() as string;

    const first = await postContact(
      '192.0.2.50',
      { ...form, formToken: await tokenOf('192.0.2.50') },
      { 'x-request-id': 'page-request-of-ada' },
    );
    expect(first.statusCode).toBe(303);
    const jobs = await e.t.database.query<{ data: Record<string, unknown> }>(
      `select data from pgboss.job where name = 'mail' and data->>'kind' = 'contact-notification'`,
    );
    expect(jobs.rows.map((row) => row.data.requestId)).toContain('page-request-of-ada');

    expect((await postContact('192.0.2.50', form)).statusCode).toBe(303);
    // The third message of this visitor is refused by the strict tier; another visitor's is not.
    const third = await postContact('192.0.2.50', form);
    expect(third.statusCode).toBe(429);
    expect(third.body).toContain('Ada');
    expect((await postContact('192.0.2.51', form)).statusCode).toBe(303);
  });
});
