import { backupArchive, backupReport, dataOf, systemInfo } from '@swigs/schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SystemService } from './system.service';

const tags = ['system'];

export function registerSystemRoutes(app: FastifyInstance, service: SystemService) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/system',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Versions, uptime, memory, cache and backups of the instance answering',
        response: { 200: dataOf(systemInfo) },
      },
    },
    async (_request, reply) =>
      reply.header('cache-control', 'no-store').send({ data: await service.getSystemInfo() }),
  );

  routes.get(
    '/system/backups',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Backup archives in BACKUP_DIR, newest first',
        response: { 200: dataOf(z.array(backupArchive)) },
      },
    },
    async () => ({ data: await service.listBackups() }),
  );

  routes.post(
    '/system/backups',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Make a backup now (database, uploads, seo files), then apply retention',
        description: 'Answers 409 BACKUP_IN_PROGRESS while another backup runs, here or on another instance.',
        response: { 201: dataOf(backupReport) },
      },
    },
    async (_request, reply) => reply.code(201).send({ data: await service.createBackup() }),
  );
}
