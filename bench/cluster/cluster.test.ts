import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optionalService } from '../../apps/api/test/services';
import { type Cluster, findNginx, repoRoot, startCluster } from './cluster';
import { percentile, type RequestRecord, runLoad } from './load';

/**
 * Losing an instance must not show: nginx in front of three instances, a load running, one instance
 * killed outright (SIGKILL) and another restarted gracefully (SIGTERM: drain, exit, start). No
 * request may fail except those in flight on the killed instance. Then the login limits must hold
 * across instances: the Nth attempt is refused whichever instance it reaches.
 */

const nginx = optionalService('nginx', findNginx(), 'nginx on PATH (apt-get install nginx)');
const postgres = optionalService('PostgreSQL', process.env.TEST_DATABASE_URL, 'TEST_DATABASE_URL');
const redis = optionalService('Redis', process.env.TEST_REDIS_URL, 'TEST_REDIS_URL');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const loginTierMax = 8;
const accountMax = 3;

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET with exactly these headers (fetch adds its own Accept-Encoding and refuses a Host of ours). */
function rawGet(baseUrl: string, requestPath: string, headers: Record<string, string>): Promise<RawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.get({ host: url.hostname, port: url.port, path: requestPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    request.on('error', reject);
  });
}

function decoded(response: RawResponse): Buffer {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(response.body);
  if (encoding === 'gzip') return gunzipSync(response.body);
  return response.body;
}

describe.skipIf(!nginx || !postgres || !redis)('three instances behind nginx', () => {
  let cluster: Cluster;
  let adminHeaders: Record<string, string> = {};

  beforeAll(async () => {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], {
      cwd: path.join(repoRoot, 'apps/api'),
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
    const server = new URL(postgres ?? '');
    server.pathname = '/postgres';
    cluster = await startCluster({
      postgresUrl: server.toString(),
      redisUrl: redis,
      env: {
        // Production's drain (5 s), longer than nginx's upstream keepalive_timeout (4 s).
        SHUTDOWN_TIMEOUT_SECONDS: '10',
        // The load comes from one address: the global per-address limit would refuse it.
        RATE_LIMIT_MAX: '0',
        RATE_LIMIT_LOGIN_MAX: String(loginTierMax),
        LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: String(accountMax),
        BCRYPT_COST: '8',
      },
    });
  }, 90_000);
  afterAll(async () => {
    await cluster?.close();
  }, 60_000);

  async function login(email: string, password: string, clientAddress: string) {
    const response = await fetch(`${cluster.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': clientAddress },
      body: JSON.stringify({ email, password }),
    });
    return { response, body: (await response.json()) as Record<string, unknown> };
  }

  it('serves through a kill and a graceful restart: only requests in flight on the killed instance fail', async () => {
    const { body } = await login(cluster.admin.email, cluster.admin.password, '192.0.2.1');
    const token = (body.data as { accessToken: string }).accessToken;
    const headers = { authorization: `Bearer ${token}` };
    adminHeaders = headers;
    const [killed, restarted] = [cluster.instances[0]!, cluster.instances[1]!];

    const events: Record<string, number> = {};
    const loadStart = Date.now();
    const load = runLoad({
      url: cluster.url,
      concurrency: 16,
      durationMs: 16_000,
      maxRequests: 200_000,
      next: (sequence) =>
        sequence % 6 === 0
          ? {
              method: 'POST',
              path: '/api/v1/sites',
              headers,
              body: {
                name: `Charge ${sequence}`,
                slug: `charge-${sequence}`,
                domain: `charge-${sequence}.example.ch`,
              },
            }
          : { method: 'GET', path: '/api/v1/sites?pageSize=5', headers },
    });

    await sleep(2500);
    events.killAt = Date.now();
    await cluster.stop(killed.index, 'SIGKILL');
    events.killedAt = Date.now();
    await sleep(1500);
    events.restartAt = Date.now();
    await cluster.stop(restarted.index, 'SIGTERM');
    await cluster.start(restarted.index);
    events.restartedAt = Date.now();
    await sleep(1000);
    await cluster.start(killed.index);
    events.killedBackAt = Date.now();
    const records = await load;

    const ok = records.filter((r) => r.status >= 200 && r.status < 300);
    const failed = records.filter((r) => !(r.status >= 200 && r.status < 300));
    // Acceptable: a failure that reached the killed instance and was in flight when it died.
    const inFlightOnKilled = (r: RequestRecord) =>
      (r.upstream.includes(`:${killed.port}`) || r.status === 0) &&
      r.start <= events.killedAt! &&
      r.end >= events.killAt!;
    const unexplained = failed.filter((r) => !inFlightOnKilled(r));
    const latencies = ok.map((r) => r.end - r.start);
    const summary = {
      date: new Date().toISOString(),
      requests: records.length,
      succeeded: ok.length,
      failedInFlightOnKilled: failed.length - unexplained.length,
      unexplainedFailures: unexplained.length,
      writes: records.filter((r) => r.method === 'POST').length,
      requestsPerSecond: Math.round(records.length / 16),
      latencyMs: {
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        max: percentile(latencies, 100),
      },
      restartSeconds: (events.restartedAt! - events.restartAt!) / 1000,
      instances: { killed: killed.port, restarted: restarted.port },
      events: Object.fromEntries(Object.entries(events).map(([name, at]) => [name, at - loadStart])),
      failures: failed.slice(0, 20).map((r) => ({
        method: r.method,
        status: r.status,
        upstream: r.upstream,
        startMs: r.start - loadStart,
        endMs: r.end - loadStart,
        error: r.error,
      })),
    };
    mkdirSync(path.join(repoRoot, 'bench/results'), { recursive: true });
    writeFileSync(
      path.join(repoRoot, 'bench/results/cluster-failover.json'),
      `${JSON.stringify(summary, null, 2)}\n`,
    );
    console.log(JSON.stringify(summary));

    expect(unexplained).toEqual([]);
    expect(records.length).toBeGreaterThan(500);
    expect(ok.filter((r) => r.method === 'POST').length).toBeGreaterThan(50);
    // Every instance serves again afterwards (nginx tries a failed one again after fail_timeout, 10 s).
    const upstreams = new Set<string>();
    for (let i = 0; i < 80 && upstreams.size < 3; i++) {
      const response = await fetch(`${cluster.url}/api/v1/sites?pageSize=1`, { headers });
      expect(response.status).toBe(200);
      upstreams.add(response.headers.get('x-upstream') ?? '');
      await sleep(200);
    }
    expect(upstreams.size).toBe(3);
  }, 60_000);

  it('refuses the Nth failed login of an account whichever instance it reaches', async () => {
    const upstreams = new Set<string>();
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= accountMax + 1; attempt++) {
      const { response } = await login(cluster.admin.email, 'not-the-password', '198.51.100.10');
      statuses.push(response.status);
      upstreams.add(response.headers.get('x-upstream') ?? '');
    }
    expect(statuses).toEqual([...Array(accountMax).fill(401), 429]);
    expect(upstreams.size).toBeGreaterThan(1);
  });

  it('limits login attempts per address across instances, with RateLimit headers', async () => {
    const upstreams = new Set<string>();
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof login>> | undefined;
    for (let attempt = 1; attempt <= loginTierMax + 1; attempt++) {
      last = await login(`nobody-${attempt}@example.ch`, 'wrong-password', '198.51.100.20');
      statuses.push(last.response.status);
      upstreams.add(last.response.headers.get('x-upstream') ?? '');
    }
    expect(statuses).toEqual([...Array(loginTierMax).fill(401), 429]);
    expect(upstreams.size).toBeGreaterThan(1);
    expect(last?.body).toMatchObject({ code: 'RATE_LIMITED' });
    expect(last?.response.headers.get('ratelimit-limit')).toBe(String(loginTierMax));
    expect(Number(last?.response.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('serves uploads from disk with the API’s headers, compresses JSON and hides /metrics', async () => {
    const siteId = '0b5f3d3e-1c2a-4e7b-9f00-123456789abc';
    const name = `${'ab'.repeat(16)}.svg`;
    mkdirSync(path.join(cluster.dir, 'data/uploads', siteId), { recursive: true });
    writeFileSync(
      path.join(cluster.dir, 'data/uploads', siteId, name),
      '<svg xmlns="http://www.w3.org/2000/svg"/>',
    );

    const svg = await fetch(`${cluster.url}/uploads/${siteId}/${name}`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('x-upstream')).toBeNull(); // nginx answered from disk
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.headers.get('content-security-policy')).toContain('sandbox');
    expect(svg.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(svg.headers.get('cross-origin-resource-policy')).toBe('cross-origin');

    const missing = await fetch(`${cluster.url}/uploads/${siteId}/${'cd'.repeat(16)}.png`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-upstream')).toMatch(/^127\.0\.0\.1:\d+/); // asked of the API

    const document = await fetch(`${cluster.url}/api/v1/openapi.json`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(document.status).toBe(200);
    expect(document.headers.get('content-encoding')).toBe('gzip');
    expect((await fetch(`${cluster.url}/metrics`)).status).toBe(404);
  });

  it('answers a site’s /seo.json by its host name', async () => {
    // The admin's token from the first test: the account is throttled by now (test 2).
    const headers = { ...adminHeaders, 'content-type': 'application/json' };
    const created = await fetch(`${cluster.url}/api/v1/sites`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Seo', slug: 'cluster-seo', domain: 'cluster-seo.example.ch' }),
    });
    expect(created.status).toBe(201);
    // Node's fetch will not send a Host header of our choosing: ask with a raw request.
    const response = await rawGet(cluster.url, '/seo.json', { host: 'cluster-seo.example.ch' });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body.toString())).toBeTypeOf('object');
  });

  it('caches the sites’ hashed build files once per encoding, keeping the instances’ immutable header', async () => {
    const clientDir = path.join(repoRoot, 'apps/site/dist/client');
    const manifest = JSON.parse(readFileSync(path.join(clientDir, '.vite/manifest.json'), 'utf8')) as Record<
      string,
      { file: string; src?: string }
    >;
    const script = Object.values(manifest).find((chunk) => chunk.src === 'src/client/islands.tsx')!.file;
    const bytes = readFileSync(path.join(clientDir, script));
    const assetPath = `/_assets/${script}`;
    // Each browser writes Accept-Encoding its own way; two spellings of one choice share a copy.
    const clients: [string, Record<string, string>, string | undefined][] = [
      ['brotli', { 'accept-encoding': 'gzip, deflate, br' }, 'br'],
      ['brotli, spelled otherwise', { 'accept-encoding': 'br;q=1.0, gzip;q=0.8, *;q=0.1' }, 'br'],
      ['gzip only', { 'accept-encoding': 'gzip' }, 'gzip'],
      ['brotli refused', { 'accept-encoding': 'br;q=0, gzip' }, 'gzip'],
      ['no compression', {}, undefined],
    ];
    const seen: Record<string, string[]> = {};
    for (const [name, headers, encoding] of clients) {
      seen[name] = [];
      for (let i = 0; i < 2; i++) {
        const response = await rawGet(cluster.url, assetPath, headers);
        expect(response.status, name).toBe(200);
        expect(response.headers['content-encoding'], name).toBe(encoding);
        expect(response.headers['cache-control'], name).toBe('public, max-age=31536000, immutable');
        expect(response.headers['content-type'], name).toBe('text/javascript; charset=utf-8');
        expect(decoded(response).equals(bytes), name).toBe(true);
        seen[name]?.push(String(response.headers['x-cache']));
      }
    }
    expect(seen).toEqual({
      brotli: ['MISS', 'HIT'],
      'brotli, spelled otherwise': ['HIT', 'HIT'],
      'gzip only': ['MISS', 'HIT'],
      'brotli refused': ['HIT', 'HIT'],
      'no compression': ['MISS', 'HIT'],
    });
    // A name that is not a build file is the renderer's 404, never cached.
    const missing = await rawGet(cluster.url, '/_assets/missing-0000.js', {});
    expect(missing.status).toBe(404);
    expect((await rawGet(cluster.url, '/_assets/missing-0000.js', {})).headers['x-cache']).toBe('MISS');

    // The admin panel's build files, where the admin is built (served by the API's admin plugin).
    const adminAssets = path.join(repoRoot, 'apps/admin/dist/assets');
    if (existsSync(adminAssets)) {
      const file = readdirSync(adminAssets).find((name) => name.endsWith('.js'))!;
      const first = await rawGet(cluster.url, `/admin/assets/${file}`, { 'accept-encoding': 'gzip' });
      expect(first.status).toBe(200);
      expect(first.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(decoded(first).equals(readFileSync(path.join(adminAssets, file)))).toBe(true);
      const second = await rawGet(cluster.url, `/admin/assets/${file}`, { 'accept-encoding': 'gzip' });
      expect(second.headers['x-cache']).toBe('HIT');
    }
  });
});
