/**
 * Load benchmark of the public course list (20 courses, ~8 KB of JSON), in one go:
 *
 *   1. bare node:http serving the same pre-serialised bytes;
 *   2. a bare Fastify handler running the same single SELECT on PostgreSQL;
 *   3. ours, cached (in-process cache, the embedded default);
 *   4. ours, uncached (PUBLIC_CACHE_TTL_SECONDS=0: every request reads PostgreSQL);
 *   5. ours, cached in Redis (when Redis answers), as several instances run.
 *
 * Each server runs alone, pinned to core 0; wrk runs pinned to core 1 (taskset). PostgreSQL and
 * Redis are the machine's own services (not pinned). The servers take turns for several rounds
 * (a fresh process each time) and each figure is the median of its rounds: on a shared virtual
 * machine, one process can run 25 % slower than the next for no reason of its own, and taking
 * turns spreads the machine's drift over every server alike. Usage, from the repository root:
 *
 *   npm run build && npx tsx bench/public-read.ts
 *
 * Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres, a scratch
 * database is created and dropped), BENCH_REDIS_URL (default redis://127.0.0.1:6379),
 * BENCH_DURATION (seconds per run, default 10), BENCH_ROUNDS (default 3), BENCH_CONNECTIONS
 * (default 50); to look into one
 * figure: BENCH_ONLY=bare,fastify,cached,uncached,redis (a subset) and BENCH_NODE_ARGS for our
 * server instead of the deployed flags (e.g. "--min-semi-space-size=16 --cpu-prof
 * --cpu-prof-dir=/tmp/prof"; BENCH_NODE_ARGS=" " for none).
 */
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Placeholder } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../apps/api/src/db/client';
import { runMigrations } from '../apps/api/src/db/migrate';
import { publicCoursesStatement } from '../apps/api/src/modules/public/public.repository';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverEntry = path.join(root, 'apps/api/dist/server.js');
const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const duration = Number(process.env.BENCH_DURATION ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const only = process.env.BENCH_ONLY?.split(',');
const runs = (key: string) => !only || only.includes(key);
/** Node's flags in production (deploy/systemd/swigs@.service, deploy/Dockerfile). */
const deployedNodeArgs = ['--min-semi-space-size=16'];
const ourNodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? deployedNodeArgs;
const serverCore = '0';
const loadCore = '1';

interface Result {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  bytes: number;
  /** CPU time the server process spent per answered request (user + system), in microseconds. */
  cpuMicrosPerRequest: number;
}

/** User + system CPU time of a process so far, in microseconds (from /proc, clock ticks of 10 ms). */
function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // After "pid (comm) ", utime and stime are the 12th and 13th fields.
  return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / 100;
}

function need(command: string, hint: string) {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
  } catch {
    throw new Error(`${command} is missing: ${hint}`);
  }
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A site with 20 courses whose public list is about 8 KB of JSON. */
async function seed(url: string): Promise<{ slug: string; host: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const slug = 'ecole-du-lac';
    const host = 'www.ecole-du-lac.ch';
    const { rows } = await client.query<{ id: string }>(
      `insert into sites (slug, name, description) values ($1, 'École du Lac', 'Cours de voile') returning id`,
      [slug],
    );
    const siteId = rows[0]!.id;
    await client.query(`insert into site_domains (host, site_id, is_primary) values ($1, $2, true)`, [
      host,
      siteId,
    ]);
    for (let i = 0; i < 20; i++) {
      await client.query(
        `insert into courses (site_id, slug, title, number, description, start_date, end_date,
           registration_deadline, price, places, location, external_url, status, position)
         values ($1, $2, $3, $4, $5, '2025-07-01', '2025-07-05', '2025-06-15', 450.00, 8, 'Lausanne',
           'https://ecole-du-lac.ch/cours', $6, $7)`,
        [
          siteId,
          `cours-${i + 1}`,
          `Voile niveau ${i + 1}`,
          `V-2025-${String(i + 1).padStart(2, '0')}`,
          '<p>Cinq jours sur le Léman.</p>',
          i % 5 === 4 ? 'full' : 'active',
          i,
        ],
      );
    }
    return { slug, host };
  } finally {
    await client.end();
  }
}

function start(name: string, script: string, args: string[], env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    // taskset pins the server (and every thread it starts) to one core.
    const child = fork(script, args, {
      env: { ...process.env, ...env },
      execPath: 'taskset',
      execArgv: ['-c', serverCore, process.execPath],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before it was ready`)));
    child.once('message', () => resolve(child));
  });
}

async function waitForHttp(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

/** Starts our server (the built bundle), like production: migrations, Fastify, every plugin. */
async function startOurs(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = fork(serverEntry, [], {
    env: {
      ...process.env,
      SWIGS_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      HOST: '127.0.0.1',
      PORT: String(port),
      ADMIN_EMAIL: 'bench@example.ch',
      ADMIN_PASSWORD: randomBytes(12).toString('hex'),
      // wrk is one client address: past the default global per-address limit it would measure 429s.
      // A limit it cannot reach keeps every request counted, with its RateLimit-* headers, as in
      // production (an allow-listed address would skip the counting).
      RATE_LIMIT_MAX: '1000000000',
      // No load balancer to warn: stop at once (and let --cpu-prof write its profile).
      SHUTDOWN_DRAIN_SECONDS: '0',
      ...env,
    },
    execPath: 'taskset',
    execArgv: ['-c', serverCore, process.execPath, ...ourNodeArgs],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await waitForHttp(`http://127.0.0.1:${port}/healthz`);
  return child;
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

function parseLatency(value: string, unit: string): number {
  const factor = unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1;
  return Number(value) * factor;
}

function wrk(
  url: string,
  seconds: number,
): Omit<Result, 'name' | 'bytes' | 'cpuMicrosPerRequest'> & {
  requests: number;
} {
  const output = execFileSync(
    'taskset',
    ['-c', loadCore, 'wrk', '-t1', `-c${connections}`, `-d${seconds}s`, '--latency', url],
    { encoding: 'utf8' },
  );
  if (/Non-2xx or 3xx responses/.test(output)) throw new Error(`errors during the run:\n${output}`);
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(output);
  const total = /(\d+) requests in/.exec(output);
  const p50 = /\s50%\s+([\d.]+)(us|ms|s)/.exec(output);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)/.exec(output);
  if (!rps || !p50 || !p99 || !total) throw new Error(`cannot read wrk's output:\n${output}`);
  return {
    requests: Number(total[1]),
    requestsPerSecond: Number(rps[1]),
    p50: parseLatency(p50[1]!, p50[2]!),
    p99: parseLatency(p99[1]!, p99[2]!),
  };
}

async function measure(name: string, server: ChildProcess, url: string): Promise<Result> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${name}: ${url} answered ${response.status}`);
  const bytes = (await response.arrayBuffer()).byteLength;
  wrk(url, 3); // warm-up: JIT, connection pools, caches
  const cpuBefore = cpuMicros(server.pid!);
  const { requests, ...run } = wrk(url, duration);
  const cpuMicrosPerRequest = (cpuMicros(server.pid!) - cpuBefore) / requests;
  const result = { name, bytes, cpuMicrosPerRequest, ...run };
  process.stderr.write(
    `${name}: ${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.p99.toFixed(2)} ms, ` +
      `${cpuMicrosPerRequest.toFixed(0)} µs CPU/request\n`,
  );
  return result;
}

interface Server {
  key: string;
  name: string;
  url: string;
  start(): Promise<ChildProcess>;
}

/** Each figure's median over the rounds (taken apart: the median req/s, the median p99…). */
function median(results: Result[]): Result {
  const middle = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const half = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
  };
  return {
    name: results[0]!.name,
    bytes: results[0]!.bytes,
    requestsPerSecond: middle(results.map((r) => r.requestsPerSecond)),
    p50: middle(results.map((r) => r.p50)),
    p99: middle(results.map((r) => r.p99)),
    cpuMicrosPerRequest: middle(results.map((r) => r.cpuMicrosPerRequest)),
  };
}

async function redisAnswers(): Promise<boolean> {
  try {
    const { Redis } = await import('ioredis');
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000 });
    await redis.connect();
    await redis.ping();
    redis.disconnect();
    return true;
  } catch {
    return false;
  }
}

async function main() {
  need('wrk', 'apt-get install wrk');
  need('taskset', 'apt-get install util-linux');
  if (!existsSync(serverEntry)) throw new Error('Build first: npm run build');
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'swigs-bench-'));
  const database = `swigs_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${database}`);
  const databaseUrl = withDatabase(baseUrl, database);
  const children: ChildProcess[] = [];
  const results: Result[] = [];
  try {
    const handle = await openDatabase({ url: databaseUrl, poolMax: 1 });
    await runMigrations(handle);
    const { sql, params } = publicCoursesStatement(handle.db).toSQL();
    await handle.close();
    const site = await seed(databaseUrl);
    const statementFile = path.join(scratch, 'statement.json');
    writeFileSync(
      statementFile,
      JSON.stringify({
        sql,
        params: params.map((param) => (param instanceof Placeholder ? '$site' : param)),
      }),
    );
    const publicPath = `/api/v1/public/sites/${site.host}/courses`;
    const common = { DATABASE_URL: databaseUrl, DATA_DIR: scratch };
    const redisPrefix = `bench-${randomBytes(4).toString('hex')}:`;

    // The exact bytes our API answers, for the bare node:http baseline.
    const probe = await startOurs(4310, common);
    const bodyFile = path.join(scratch, 'courses.json');
    writeFileSync(
      bodyFile,
      Buffer.from(await (await fetch(`http://127.0.0.1:4310${publicPath}`)).arrayBuffer()),
    );
    await stop(probe);

    const servers: Server[] = [
      {
        key: 'bare',
        name: 'bare node:http, same bytes',
        url: 'http://127.0.0.1:4301/',
        start: () =>
          start('bare node:http', path.join(root, 'bench/servers/bare-http.mjs'), [bodyFile, '4301'], {}),
      },
      {
        key: 'fastify',
        name: 'bare Fastify + same SELECT',
        url: `http://127.0.0.1:4302/courses/${site.host}`,
        start: () =>
          start('bare Fastify', path.join(root, 'bench/servers/bare-fastify.mjs'), [statementFile, '4302'], {
            DATABASE_URL: databaseUrl,
          }),
      },
      {
        key: 'cached',
        name: 'ours, cached (in process)',
        url: `http://127.0.0.1:4303${publicPath}`,
        start: () => startOurs(4303, common),
      },
      {
        key: 'uncached',
        name: 'ours, uncached (PostgreSQL)',
        url: `http://127.0.0.1:4304${publicPath}`,
        start: () => startOurs(4304, { ...common, PUBLIC_CACHE_TTL_SECONDS: '0' }),
      },
      {
        key: 'redis',
        name: 'ours, cached in Redis',
        url: `http://127.0.0.1:4305${publicPath}`,
        start: () => startOurs(4305, { ...common, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: redisPrefix }),
      },
    ].filter((server) => runs(server.key));
    if (runs('redis') && !(await redisAnswers())) {
      process.stderr.write(`Redis does not answer at ${redisUrl}: no Redis figure.\n`);
      servers.splice(
        servers.findIndex((server) => server.key === 'redis'),
        1,
      );
    }

    const measured = new Map<string, Result[]>();
    for (let round = 1; round <= rounds; round++) {
      for (const server of servers) {
        const child = await server.start();
        children.push(child);
        const result = await measure(`${server.name} (round ${round}/${rounds})`, child, server.url);
        measured.set(server.name, [...(measured.get(server.name) ?? []), { ...result, name: server.name }]);
        await stop(child);
      }
    }
    for (const server of servers) results.push(median(measured.get(server.name)!));
    if (servers.some((server) => server.key === 'redis')) {
      const { Redis } = await import('ioredis');
      const client = new Redis(redisUrl);
      const keys = await client.keys(`${redisPrefix}*`);
      if (keys.length > 0) await client.del(...keys);
      client.disconnect();
    }
  } finally {
    for (const child of children) await stop(child);
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
    rmSync(scratch, { recursive: true, force: true });
  }
  report(results);
}

function report(results: Result[]) {
  const byName = (prefix: string) => results.find((r) => r.name.startsWith(prefix));
  const bare = byName('bare node:http');
  const fastify = byName('bare Fastify');
  const cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model;
  const postgres = execFileSync('psql', ['--version'], { encoding: 'utf8' }).trim();
  const load = os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');
  const lines = [
    `Date: ${new Date().toISOString()} — load average at the end (1/5/15 min): ${load}`,
    `Machine: ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ${postgres}`,
    `Command: npm run build && npx tsx bench/public-read.ts (wrk -t1 -c${connections} -d${duration}s --latency; server on core ${serverCore}, wrk on core ${loadCore}; medians of ${rounds} rounds, servers taking turns)`,
    '',
    '| server | bytes | req/s | p50 (ms) | p99 (ms) | ratio (req/s) | server CPU per request | ratio (CPU) |',
    '| --- | ---: | ---: | ---: | ---: | --- | ---: | --- |',
    ...results.map((r) => {
      const baseline = r.name.startsWith('ours, uncached')
        ? fastify
        : r.name.startsWith('ours')
          ? bare
          : undefined;
      const label = baseline === fastify ? 'bare Fastify + SELECT' : 'bare node:http';
      const ratio = baseline
        ? `${((r.requestsPerSecond / baseline.requestsPerSecond) * 100).toFixed(0)} % of ${label}`
        : '';
      // The share of throughput one core would give us compared with the baseline, from CPU time alone.
      const cpuRatio = baseline
        ? `${((baseline.cpuMicrosPerRequest / r.cpuMicrosPerRequest) * 100).toFixed(0)} % of ${label}`
        : '';
      return `| ${r.name} | ${r.bytes} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${ratio} | ${r.cpuMicrosPerRequest.toFixed(0)} µs | ${cpuRatio} |`;
    }),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
