import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createHistogramTally } from './metrics';

function histogramIn(registry: Registry, collect?: (this: Histogram<'route' | 'status'>) => void) {
  return new Histogram({
    name: 'latency_seconds',
    help: 'latency',
    labelNames: ['route', 'status'] as const,
    buckets: [0.001, 0.01, 0.1, 1],
    registers: [registry],
    ...(collect ? { collect } : {}),
  });
}

const observations = [0.0002, 0.001, 0.004, 0.009, 0.05, 0.1, 0.7, 3, 42];

/** The exposition's samples by series, in one order (series appear in creation order). */
async function samples(registry: Registry): Promise<Record<string, number>> {
  const text = await registry.metrics();
  const entries = text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const at = line.lastIndexOf(' ');
      return [line.slice(0, at), Number(line.slice(at + 1))] as const;
    });
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

async function expectSame(actual: Registry, expected: Registry) {
  const got = await samples(actual);
  const want = await samples(expected);
  expect(Object.keys(got)).toEqual(Object.keys(want));
  // Sums added in another order may differ in the last digits.
  for (const [series, value] of Object.entries(want)) expect(got[series], series).toBeCloseTo(value, 9);
}

describe('createHistogramTally', () => {
  it('reports exactly what prom-client’s observe() reports, alone or beside it, read after read', async () => {
    const expected = new Registry();
    const reference = histogramIn(expected);
    const actual = new Registry();
    const tallies: ReturnType<typeof createHistogramTally>[] = [];
    const measured = histogramIn(actual, () => {
      for (const tally of tallies) tally.flush();
    });
    const fast = { route: '/fast', status: '200' };
    const both = { route: '/both', status: '304' };
    tallies.push(createHistogramTally(measured, fast), createHistogramTally(measured, both));

    for (const value of observations) {
      reference.observe(fast, value);
      tallies[0]!.observe(value);
      reference.observe(both, value);
      measured.observe(both, value / 2);
      reference.observe(both, value / 2);
      tallies[1]!.observe(value);
    }
    await expectSame(actual, expected);
    // Reading again adds nothing twice; later observations add up.
    await expectSame(actual, expected);
    reference.observe(fast, 0.02);
    tallies[0]!.observe(0.02);
    await expectSame(actual, expected);
    expect(Object.keys(await samples(actual))).toHaveLength(14);
  });
});
