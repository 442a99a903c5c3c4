import {
  Counter,
  type CounterConfiguration,
  collectDefaultMetrics,
  Gauge,
  type GaugeConfiguration,
  Histogram,
  type HistogramConfiguration,
  type LabelValues,
  Registry,
} from 'prom-client';

type Without<T> = Omit<T, 'registers' | 'name'> & {
  /** Without the `swigs_` prefix, which is added: `cache_hits_total` → `swigs_cache_hits_total`. */
  name: string;
};

/**
 * The application's Prometheus registry, handed to modules through ModuleDeps so that each
 * concern registers its own metrics (the cache its hit ratio, the job queue its depth and
 * failures) without knowing how they are exposed. One registry per app: tests build many apps in
 * one process, and prom-client's global registry would refuse the second registration.
 * Asking twice for the same name returns the same metric.
 */
export interface Metrics {
  registry: Registry;
  counter<T extends string>(config: Without<CounterConfiguration<T>>): Counter<T>;
  gauge<T extends string>(config: Without<GaugeConfiguration<T>>): Gauge<T>;
  histogram<T extends string>(config: Without<HistogramConfiguration<T>>): Histogram<T>;
}

export const metricsPrefix = 'swigs_';

export function createMetrics(options: { processMetrics: boolean } = { processMetrics: true }): Metrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });

  function existing<M>(name: string): M | undefined {
    return registry.getSingleMetric(metricsPrefix + name) as M | undefined;
  }

  return {
    registry,
    counter(config) {
      return (
        existing(config.name) ??
        new Counter({ ...config, name: metricsPrefix + config.name, registers: [registry] })
      );
    },
    gauge(config) {
      return (
        existing(config.name) ??
        new Gauge({ ...config, name: metricsPrefix + config.name, registers: [registry] })
      );
    },
    histogram(config) {
      return (
        existing(config.name) ??
        new Histogram({ ...config, name: metricsPrefix + config.name, registers: [registry] })
      );
    },
  };
}

/** What a histogram tally touches of prom-client's Histogram (v15): its bounds and series records. */
interface HistogramInternals {
  upperBounds: number[];
  hashMap: Record<
    string,
    { labels: LabelValues<string>; bucketValues: Record<number, number>; sum: number; count: number }
  >;
}

/** One series of a histogram, observed without prom-client's per-observation cost; see createHistogramTally. */
export interface HistogramTally {
  observe(value: number): void;
  /** Adds what was observed since the last flush to the histogram. */
  flush(): void;
}

/**
 * Observations of one labelled series of a histogram, tallied in plain numbers and added to the
 * histogram when it is read (call `flush` from the histogram's `collect`). prom-client's observe()
 * validates and hashes the labels on every call (a string built each time): on a cached public read
 * that was a tenth of our own work. The tallies are added to the record prom-client keeps for the
 * series (`hashMap`, created by its public `zero()`), which its exposition reads; metrics.test.ts
 * checks the result against observe() itself, so a prom-client upgrade that changes these internals
 * fails there.
 */
export function createHistogramTally<T extends string>(
  histogram: Histogram<T>,
  labels: LabelValues<T>,
): HistogramTally {
  const internals = histogram as unknown as HistogramInternals;
  const bounds = internals.upperBounds;
  // Per bucket, not cumulative (as prom-client keeps them); above the last bound only `count` grows.
  const counts = new Array<number>(bounds.length).fill(0);
  let sum = 0;
  let count = 0;
  const keys = Object.keys(labels) as T[];
  const record = () =>
    Object.values(internals.hashMap).find(
      (entry) =>
        Object.keys(entry.labels).length === keys.length &&
        keys.every((key) => entry.labels[key] === labels[key]),
    );
  return {
    observe(value) {
      let i = 0;
      while (i < bounds.length && value > bounds[i]!) i++;
      if (i < bounds.length) counts[i]! += 1;
      sum += value;
      count += 1;
    },
    flush() {
      if (count === 0) return;
      let entry = record();
      if (!entry) {
        histogram.zero(labels);
        entry = record();
      }
      if (!entry)
        throw new Error('prom-client keeps histogram series differently: see createHistogramTally.');
      for (let i = 0; i < bounds.length; i++) {
        if (counts[i]! > 0) entry.bucketValues[bounds[i]!]! += counts[i]!;
        counts[i] = 0;
      }
      entry.sum += sum;
      entry.count += count;
      sum = 0;
      count = 0;
    },
  };
}
