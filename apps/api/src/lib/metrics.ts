import {
  Counter,
  type CounterConfiguration,
  collectDefaultMetrics,
  Gauge,
  type GaugeConfiguration,
  Histogram,
  type HistogramConfiguration,
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
