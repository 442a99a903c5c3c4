import type { FastifyInstance } from 'fastify';
import type { QueueStats } from '../../jobs/queue';
import type { ModuleDeps } from '../deps';
import { registerJobsRoutes } from './jobs.routes';
import { createJobsService } from './jobs.service';

/** One queue-state read serves every gauge of a scrape (prom-client collects them together). */
const statsReuseMs = 1000;

/**
 * The queue's depth and dead letters as gauges, read from the jobs table when /metrics is scraped
 * (one query per scrape, shared by the three gauges). The table is shared by every instance: any
 * instance answers for the whole queue.
 */
function registerQueueMetrics(app: FastifyInstance, deps: ModuleDeps) {
  let last: { at: number; stats: Promise<QueueStats | undefined> } | undefined;
  let lastWarning = 0;
  const currentStats = () => {
    if (!last || Date.now() - last.at > statsReuseMs) {
      last = {
        at: Date.now(),
        stats: deps.jobs.stats().catch((error: unknown) => {
          // The scrape still answers (with the last values); one warning a minute is enough.
          if (Date.now() - lastWarning > 60_000) {
            lastWarning = Date.now();
            app.log.warn({ err: error }, 'job queue state unavailable for /metrics');
          }
          return undefined;
        }),
      };
    }
    return last.stats;
  };
  const states = [
    ['queued', 'Jobs waiting to run (new, or waiting for their next retry), by queue'],
    ['active', 'Jobs running now, on any instance, by queue'],
    ['failed', 'Dead letters: jobs whose retries are exhausted, by queue (listed under /api/v1/jobs/failed)'],
  ] as const;
  for (const [state, help] of states) {
    deps.metrics.gauge({
      name: `jobs_${state}`,
      help,
      labelNames: ['queue'],
      async collect() {
        const stats = await currentStats();
        for (const queue of stats?.queues ?? []) this.set({ queue: queue.name }, queue[state]);
      },
    });
  }
}

export function registerJobsModule(app: FastifyInstance, deps: ModuleDeps) {
  registerJobsRoutes(app, createJobsService({ jobs: deps.jobs }));
  registerQueueMetrics(app, deps);
}
