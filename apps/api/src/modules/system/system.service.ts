import type { BackupArchive, BackupReport, SystemInfo } from '@swigs/schema';
import type { ArchiveInfo } from '../../backup/archive';
import type { BackupService } from '../../backup/service';
import type { Environment } from '../../config';
import type { DatabaseDriver } from '../../db/client';
import type { SystemRepository } from './system.repository';

/**
 * Probes of the parts that report their state. A concern that lands later adds its probe here and
 * its section to `systemInfo` in packages/schema/src/system.ts, as the job queue did.
 */
export interface SystemProbes {
  /** Undefined when no Redis is configured. */
  redis?: () => Promise<void>;
  queue: () => Promise<SystemInfo['queue']>;
}

export interface SystemServiceDeps {
  system: Pick<SystemRepository, 'serverVersion'>;
  backups: Pick<BackupService, 'run' | 'list' | 'settings'>;
  probes: SystemProbes;
  facts: {
    version: string;
    environment: Environment;
    driver: DatabaseDriver;
    driverVersion: string;
    startedAt: Date;
    backupSchedule: string | undefined;
    retentionDays: number;
  };
  now?: () => Date;
}

function toArchive(info: ArchiveInfo): BackupArchive {
  return { name: info.name, createdAt: info.createdAt, sizeBytes: info.sizeBytes };
}

export function createSystemService(deps: SystemServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const { facts } = deps;

  async function redisState(): Promise<'up' | 'down' | 'disabled'> {
    if (!deps.probes.redis) return 'disabled';
    return deps.probes.redis().then(
      () => 'up' as const,
      () => 'down' as const,
    );
  }

  return {
    async getSystemInfo(): Promise<SystemInfo> {
      const [serverVersion, redis, archives, queue] = await Promise.all([
        deps.system.serverVersion(),
        redisState(),
        deps.backups.list(),
        deps.probes.queue(),
      ]);
      const memory = process.memoryUsage();
      return {
        app: {
          version: facts.version,
          environment: facts.environment,
          startedAt: facts.startedAt.toISOString(),
          uptimeSeconds: Math.max(0, Math.floor((now().getTime() - facts.startedAt.getTime()) / 1000)),
        },
        runtime: { node: process.version, platform: process.platform, arch: process.arch, pid: process.pid },
        database: { driver: facts.driver, serverVersion, driverVersion: facts.driverVersion },
        memory: {
          rssBytes: memory.rss,
          heapUsedBytes: memory.heapUsed,
          heapTotalBytes: memory.heapTotal,
          externalBytes: memory.external,
        },
        cache: { redis },
        queue,
        backups: {
          directory: deps.backups.settings.dir,
          schedule: facts.backupSchedule ?? null,
          retentionDays: facts.retentionDays,
          last: archives[0] ? toArchive(archives[0]) : null,
        },
      };
    },

    async listBackups(): Promise<BackupArchive[]> {
      return (await deps.backups.list()).map(toArchive);
    },

    async createBackup(): Promise<BackupReport> {
      const result = await deps.backups.run('api');
      return {
        name: result.name,
        createdAt: result.createdAt,
        sizeBytes: result.sizeBytes,
        sha256: result.sha256,
        tables: result.tables,
        fileCount: result.fileCount,
        pruned: result.pruned,
      };
    },
  };
}

export type SystemService = ReturnType<typeof createSystemService>;
