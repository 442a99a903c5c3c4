import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app';
import { createSite, loggedInUser } from '../../test/factories';
import { checkMetrics, findPromtool, samplesOf } from '../../test/prometheus';
import { testDriver } from '../../test/test-database';

const promtool = findPromtool();

describe('/metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { METRICS_TOKEN: 'a-scraper-token-of-some-length' } });
  });
  afterAll(() => t.close());

  it('serves Prometheus text: latency by route pattern, process, database and module metrics', async () => {
    const admin = await loggedInUser(t.app, t.database, { role: 'admin' });
    const site = await createSite(t.database);
    expect((await t.app.inject({ url: `/api/v1/sites/${site.id}`, headers: admin.headers })).statusCode).toBe(
      200,
    );
    expect((await t.app.inject({ url: '/api/v1/no/such/route' })).statusCode).toBe(404);
    // What a module does with ModuleDeps.metrics.
    t.app.metrics.counter({ name: 'test_things_total', help: 'Things a module counted' }).inc(3);

    const response = await t.app.inject({ url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    if (promtool) {
      const check = checkMetrics(promtool, response.body);
      // Exit 1 is a parse failure; 3 is lint only. prom-client's own `nodejs_active_*_total`
      // gauges break one naming rule we cannot fix; every metric of ours must pass every rule.
      expect(check.status).not.toBe(1);
      const problems = check.output
        .split('\n')
        .filter((line) => line && !/^nodejs_active_\w+_total non-counter metrics/.test(line));
      expect(problems).toEqual([]);
    }
    const samples = samplesOf(response.body);
    const named = (name: string) => samples.filter((sample) => sample.name === name);

    const latency = named('swigs_http_request_duration_seconds_count');
    const routes = latency.map((sample) => sample.labels.route);
    expect(routes).toContain('/api/v1/sites/:siteId');
    expect(routes).toContain('unmatched');
    expect(samples.some((sample) => Object.values(sample.labels).some((v) => v.includes(site.id)))).toBe(
      false,
    );
    const siteSample = latency.find((sample) => sample.labels.route === '/api/v1/sites/:siteId');
    expect(siteSample).toMatchObject({ labels: { method: 'GET', status_code: '200' }, value: 1 });
    expect(named('swigs_http_request_duration_seconds_bucket').length).toBeGreaterThan(10);

    expect(named('process_cpu_user_seconds_total')).toHaveLength(1);
    expect(named('nodejs_heap_size_used_bytes')).toHaveLength(1);
    expect(named('swigs_build_info')[0]?.labels).toMatchObject({ database_driver: testDriver });
    expect(named('swigs_test_things_total')[0]?.value).toBe(3);
    const pool = named('swigs_db_pool_connections').map((sample) => sample.labels.state);
    expect(pool).toEqual(testDriver === 'postgres' ? ['total', 'idle', 'waiting'] : []);
  });

  it('answers other machines only with the scraper token', async () => {
    const remoteAddress = '203.0.113.20';
    const anonymous = await t.app.inject({ url: '/metrics', remoteAddress });
    expect(anonymous.statusCode).toBe(403);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
    const wrong = await t.app.inject({
      url: '/metrics',
      remoteAddress,
      headers: { authorization: 'Bearer not-the-scraper-token-at-all' },
    });
    expect(wrong.statusCode).toBe(403);
    const scraper = await t.app.inject({
      url: '/metrics',
      remoteAddress,
      headers: { authorization: 'Bearer a-scraper-token-of-some-length' },
    });
    expect(scraper.statusCode).toBe(200);
  });
});
