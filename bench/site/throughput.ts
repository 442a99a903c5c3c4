/**
 * Throughput of a cached public page: our embedded server (Fastify, the site renderer asking the
 * public API for the site's content version on every request, the page from the cache, brotli
 * bytes computed once) against bare node:http serving the very same bytes, in one run.
 *
 * Each server runs alone, pinned to core 0; wrk runs pinned to core 1 (taskset), with the
 * headers a browser sends (Host of the demo site, Accept-Encoding with br).
 *
 *   npm run build && npx tsx bench/site/throughput.ts
 *
 * Environment: BENCH_DURATION (seconds per run, default 10), BENCH_CONNECTIONS (default 50),
 * BENCH_PORT (default 3932). Writes bench/results/site-throughput.json.
 */
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { root, startEmbeddedServer } from './embedded-server';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const port = Number(process.env.BENCH_PORT ?? 3932);
const serverCore = '0';
const loadCore = '1';
const host = 'demo.localhost';
const acceptEncoding = 'gzip, deflate, br';

interface Result {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Server CPU (user + system) per request, in microseconds: steadier than req/s on a shared machine. */
  cpuPerRequest: number;
}

/** CPU time a process has used so far, in microseconds (utime + stime of /proc/<pid>/stat). */
function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1_000_000) / 100;
}

/** The raw bytes and headers of a page, as sent (not decompressed). */
function rawGet(
  url: string,
  encoding = acceptEncoding,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { host, 'accept-encoding': encoding } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      })
      .on('error', reject);
  });
}

function parseLatency(value: string, unit: string): number {
  return Number(value) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1);
}

function wrk(url: string, seconds: number): Omit<Result, 'name' | 'cpuPerRequest'> & { requests: number } {
  const output = execFileSync(
    'taskset',
    [
      '-c',
      loadCore,
      'wrk',
      '-t1',
      `-c${connections}`,
      `-d${seconds}s`,
      '--latency',
      '-H',
      `Host: ${host}`,
      '-H',
      `Accept-Encoding: ${acceptEncoding}`,
      url,
    ],
    { encoding: 'utf8' },
  );
  if (/Non-2xx or 3xx responses/.test(output)) throw new Error(`errors during the run:\n${output}`);
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(output);
  const p50 = /\s50%\s+([\d.]+)(us|ms|s)/.exec(output);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)/.exec(output);
  const requests = /(\d+) requests in/.exec(output);
  if (!rps || !p50 || !p99 || !requests) throw new Error(`cannot read wrk's output:\n${output}`);
  return {
    requestsPerSecond: Number(rps[1]),
    p50: parseLatency(p50[1]!, p50[2]!),
    p99: parseLatency(p99[1]!, p99[2]!),
    requests: Number(requests[1]),
  };
}

function measure(name: string, url: string, pid: number): Result {
  wrk(url, 3); // warm-up: JIT, caches
  const cpuBefore = cpuMicros(pid);
  const { requests, ...run } = wrk(url, duration);
  const result = { name, ...run, cpuPerRequest: (cpuMicros(pid) - cpuBefore) / requests };
  process.stderr.write(
    `${name}: ${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.p99.toFixed(2)} ms, ${result.cpuPerRequest.toFixed(0)} µs CPU/request\n`,
  );
  return result;
}

async function startBare(file: string): Promise<ChildProcess> {
  const child = fork(path.join(root, 'bench/site/bare-http.mjs'), [file, String(port)], {
    execPath: 'taskset',
    execArgv: ['-c', serverCore, process.execPath],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  return child;
}

const work = mkdtempSync(path.join(os.tmpdir(), 'swigs-bench-pages-'));
const results: Result[] = [];
let page: { status: number; headers: http.IncomingHttpHeaders; body: Buffer };
let uncompressed = 0;
const server = await startEmbeddedServer({ port, core: serverCore });
try {
  const url = `${server.origin}/`;
  page = await rawGet(url);
  if (page.status !== 200 || page.headers['content-encoding'] !== 'br') {
    throw new Error(`unexpected answer: ${page.status} ${page.headers['content-encoding']}`);
  }
  uncompressed = (await rawGet(url, 'identity')).body.length;
  results.push(measure('ours: cached page (embedded server)', url, server.pid));
} finally {
  await server.stop();
}

const file = path.join(work, 'page.json');
const { 'content-type': type, etag, vary, 'cache-control': cacheControl } = page.headers;
const headers = { 'content-type': type, 'content-encoding': 'br', etag, vary, 'cache-control': cacheControl };
writeFileSync(file, JSON.stringify({ headers, body: page.body.toString('base64') }));
const bare = await startBare(file);
try {
  results.unshift(measure('bare node:http, same bytes', `http://127.0.0.1:${port}/`, bare.pid!));
} finally {
  bare.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}

const [baseline, ours] = results as [Result, Result];
const ratio = ours.requestsPerSecond / baseline.requestsPerSecond;
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(
  path.join(root, 'bench/results/site-throughput.json'),
  `${JSON.stringify({ date: new Date().toISOString(), duration, connections, pageBytes: page.body.length, uncompressed, results, ratio }, null, 2)}\n`,
);
console.log(
  `Demo home page: ${uncompressed} bytes of HTML, ${page.body.length} bytes with brotli. wrk -t1 -c${connections} -d${duration}s --latency; server on core ${serverCore}, wrk on core ${loadCore}.\n`,
);
console.log('| server | req/s | p50 | p99 | vs bare | server CPU per request |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  console.log(
    `| ${r.name} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50.toFixed(2)} ms | ${r.p99.toFixed(2)} ms | ${((100 * r.requestsPerSecond) / baseline.requestsPerSecond).toFixed(0)} % | ${r.cpuPerRequest.toFixed(0)} µs |`,
  );
}
