import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { optionalService } from './services';

/**
 * promtool, Prometheus' own checker, validates our /metrics output. `.ci/run` extracts it from
 * Debian's `prometheus` package into /opt/swigs-tools (without installing the server).
 */
export function findPromtool(): string | undefined {
  const candidates = [
    process.env.PROMTOOL_PATH,
    '/opt/swigs-tools/prometheus/usr/bin/promtool',
    '/usr/bin/promtool',
  ];
  const found = candidates.find((candidate) => candidate && existsSync(candidate));
  return optionalService('promtool', found, 'PROMTOOL_PATH (or run .ci/run once)');
}

/** `promtool check metrics` on a scrape: exit code and what it said. */
export function checkMetrics(promtool: string, body: string): { status: number | null; output: string } {
  const result = spawnSync(promtool, ['check', 'metrics'], { input: body, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a scrape, for assertions (promtool judges the format itself). */
export function samplesOf(body: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of body.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[pair[1]!] = pair[2]!;
    }
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}
