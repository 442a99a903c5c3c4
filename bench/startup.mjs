// Measures the embedded start on an existing data directory (target < 3 s) and idle memory
// (targets: < 350 MB embedded, < 150 MB per instance on PostgreSQL), with the built server.
//   npm run build && npm run bench:startup            (PostgreSQL part: BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres)
// BENCH_NODE_ARGS: Node's flags for the server, e.g. "--min-semi-space-size=16" as deploy/ starts it.
// Prints a summary and writes bench/results/startup.json.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const server = path.join(root, 'apps/api/dist/server.js');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS ?? 10);
const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** CPU seconds (user + system) the process used so far: the start cost without other processes' noise. */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024);
}

async function start(env) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, server], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    await sleep(20);
  }
  return { child, url, seconds: (performance.now() - started) / 1000, cpu: cpuSeconds(child.pid) };
}

async function stop(child) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function idleMemory(instance) {
  // A few requests first, as a server that has served something, then idle.
  for (let i = 0; i < 20; i++) await fetch(`${instance.url}/readyz`).then((r) => r.arrayBuffer());
  await sleep(idleSeconds * 1000);
  return rssMb(instance.child.pid);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = {
  date: new Date().toISOString(),
  loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`,
  runs,
};

// Embedded: the first start creates and migrates the database; the measured ones reopen it.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'swigs-bench-'));
const embeddedEnv = {
  DATA_DIR: dataDir,
  ADMIN_EMAIL: 'bench@example.ch',
  ADMIN_PASSWORD: 'bench-password-123',
};
const first = await start(embeddedEnv);
results.embeddedFirstStartSeconds = Number(first.seconds.toFixed(2));
await stop(first.child);
const times = [];
const cpu = [];
let last;
for (let i = 0; i < runs; i++) {
  last = await start(embeddedEnv);
  times.push(last.seconds);
  cpu.push(last.cpu);
  if (i < runs - 1) await stop(last.child);
}
results.embeddedStartSeconds = {
  median: Number(median(times).toFixed(2)),
  max: Number(Math.max(...times).toFixed(2)),
};
results.embeddedStartCpuSeconds = Number(median(cpu).toFixed(2));
results.embeddedIdleRssMb = await idleMemory(last);
await stop(last.child);
rmSync(dataDir, { recursive: true, force: true });

const postgresUrl = process.env.BENCH_POSTGRES_URL;
if (postgresUrl) {
  const name = `swigs_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const pgDir = mkdtempSync(path.join(os.tmpdir(), 'swigs-bench-pg-'));
  mkdirSync(pgDir, { recursive: true });
  const env = { ...embeddedEnv, DATA_DIR: pgDir, DATABASE_URL: url.toString() };
  const migrate = await start(env);
  await stop(migrate.child);
  const instance = await start(env);
  results.postgresStartSeconds = Number(instance.seconds.toFixed(2));
  results.postgresStartCpuSeconds = Number(instance.cpu.toFixed(2));
  results.postgresIdleRssMb = await idleMemory(instance);
  await stop(instance.child);
  await admin.query(`drop database ${name} with (force)`);
  await admin.end();
  rmSync(pgDir, { recursive: true, force: true });
}

mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(path.join(root, 'bench/results/startup.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
