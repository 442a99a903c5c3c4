// A bounded load through nginx in front of three instances (PostgreSQL + Redis), compared with the
// same load on one instance directly: what the proxy and the extra instances cost or bring.
//   npm run build && npm run bench:cluster
// Env: BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres), BENCH_REDIS_URL,
// BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 50). Writes bench/results/cluster-load.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { repoRoot, startCluster } from './cluster';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

const cluster = await startCluster({
  postgresUrl: process.env.BENCH_POSTGRES_URL,
  redisUrl: process.env.BENCH_REDIS_URL,
  env: { RATE_LIMIT_MAX: '0' },
});
try {
  const login = await fetch(`${cluster.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(cluster.admin),
  });
  const token = ((await login.json()) as { data: { accessToken: string } }).data.accessToken;
  const headers = { authorization: `Bearer ${token}` };
  const path_ = '/api/v1/sites?pageSize=5';

  const summarize = (result: Awaited<ReturnType<typeof autocannon>>) => ({
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  });
  const viaNginx = summarize(
    await autocannon({ url: cluster.url + path_, connections, duration: seconds, headers }),
  );
  const oneInstance = summarize(
    await autocannon({
      url: `http://127.0.0.1:${cluster.instances[0]!.port}${path_}`,
      connections,
      duration: seconds,
      headers,
    }),
  );
  const results = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}`,
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
    command: `npm run bench:cluster (BENCH_SECONDS=${seconds} BENCH_CONNECTIONS=${connections})`,
    request: `GET ${path_} (authenticated: token check + session query + one list query)`,
    viaNginxThreeInstances: viaNginx,
    oneInstanceDirect: oneInstance,
  };
  mkdirSync(path.join(repoRoot, 'bench/results'), { recursive: true });
  writeFileSync(
    path.join(repoRoot, 'bench/results/cluster-load.json'),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  console.log(JSON.stringify(results, null, 2));
} finally {
  await cluster.close();
}
