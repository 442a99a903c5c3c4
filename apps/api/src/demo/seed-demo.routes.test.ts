import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, json, type TestApp, testConfig } from '../../test/build-test-app';
import { demoDomain, demoSlug } from './demo-site';
import { shouldSeedDemo } from './seed-at-start';
import { seedDemoSite } from './seed-demo';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('demo site', () => {
  it('is created through the services once, and its pages are complete', async () => {
    const log = { warn: () => {} };
    const today = new Date().toISOString().slice(0, 10);
    const first = await seedDemoSite({ config: t.config, database: t.database, log });
    expect(first.created).toBe(true);
    expect(await seedDemoSite({ config: t.config, database: t.database, log })).toEqual({
      created: false,
      reason: 'exists',
    });

    const courses = json<{ data: { slug: string; status: string; startDate: string }[] }>(
      await t.app.inject({ method: 'GET', url: `/api/v1/public/sites/${demoSlug}/courses` }),
    ).data;
    expect(courses.length).toBe(7);
    expect(new Set(courses.map((course) => course.status))).toEqual(new Set(['active', 'full', 'cancelled']));
    expect(courses.every((course) => course.startDate > today)).toBe(true);

    const home = await t.app.inject({ method: 'GET', url: '/', headers: { host: demoDomain } });
    expect(home.statusCode).toBe(200);
    const $ = load(home.body);
    expect($('title').text()).toBe('Horizon Formation – Formation continue à Lausanne');
    expect($('h1').text()).toBe('Des formations courtes qui changent votre quotidien professionnel');
    expect($('.card').length).toBe(3);
    for (const path of [
      '/a-propos',
      '/formations',
      `/formations/${courses[0]!.slug}`,
      '/mentions-legales',
      '/protection-des-donnees',
    ]) {
      expect(
        (await t.app.inject({ method: 'GET', url: path, headers: { host: demoDomain } })).statusCode,
        path,
      ).toBe(200);
    }
    // The legal notice is kept out of search engines by its SEO record.
    const sitemap = (
      await t.app.inject({ method: 'GET', url: '/sitemap.xml', headers: { host: demoDomain } })
    ).body;
    expect(sitemap).not.toContain('mentions-legales');
    expect(sitemap).toContain(`https://${demoDomain}/protection-des-donnees`);
  });

  it('seeds at start only on a newcomer’s first start, unless told otherwise', () => {
    const config = (env: Record<string, string>) => testConfig({ SWIGS_ENV: 'development', ...env });
    expect(shouldSeedDemo(config({}), true)).toBe(true);
    expect(shouldSeedDemo(config({}), false)).toBe(false);
    expect(shouldSeedDemo(testConfig({ SWIGS_ENV: 'staging', JWT_SECRET: 'x'.repeat(40) }), true)).toBe(
      false,
    );
    expect(shouldSeedDemo(config({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x' }), true)).toBe(
      false,
    );
    expect(shouldSeedDemo(config({ SEED_DEMO: 'false' }), true)).toBe(false);
    expect(shouldSeedDemo(config({ SEED_DEMO: 'true' }), false)).toBe(true);
  });
});
