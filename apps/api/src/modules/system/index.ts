import type { FastifyInstance } from 'fastify';
import { packageVersion } from '../../lib/package-version';
import { version } from '../../version';
import type { ModuleDeps } from '../deps';
import { createSystemRepository } from './system.repository';
import { registerSystemRoutes } from './system.routes';
import { createSystemService } from './system.service';

const startedAt = new Date();

export function registerSystemModule(app: FastifyInstance, deps: ModuleDeps) {
  const redis = deps.redis;
  const service = createSystemService({
    system: createSystemRepository(deps.database.query),
    backups: deps.backups,
    probes: {
      ...(redis ? { redis: async () => void (await redis.ping()) } : {}),
      queue: async () => {
        const stats = await deps.jobs.stats();
        return { queued: stats.queued, active: stats.active, failed: stats.failed, queues: stats.queues };
      },
    },
    facts: {
      version,
      environment: deps.config.environment,
      driver: deps.database.driver,
      driverVersion: packageVersion(deps.database.driver === 'postgres' ? 'pg' : '@electric-sql/pglite'),
      startedAt,
      backupSchedule: deps.config.backup.schedule,
      retentionDays: deps.config.backup.retentionDays,
    },
  });
  registerSystemRoutes(app, service);
}
