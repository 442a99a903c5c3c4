import { backupArchive, backupReport, dataOf, systemInfo } from '@swigs/schema';
import { z } from 'zod';
import type { Requester } from '../http';
import { v1 } from './shared';

// Built once: a schema built per call would be compiled by zod on every call.
const backupList = dataOf(z.array(backupArchive));

/** The instance and its backups (admins only). */
export function createSystemApi(request: Requester) {
  return {
    /** Versions, uptime, memory, cache, job queue and backup settings of the instance answering. */
    get: async () => (await request('GET', `${v1}/system`, { schema: dataOf(systemInfo) })).data,
    /** The archives in the backup directory, newest first. */
    listBackups: async () => (await request('GET', `${v1}/system/backups`, { schema: backupList })).data,
    /**
     * Makes a backup now (database, uploads, SEO files), then applies retention. Fails with
     * `BACKUP_IN_PROGRESS` (409) while another one runs, here or on another instance.
     */
    createBackup: async () =>
      (await request('POST', `${v1}/system/backups`, { schema: dataOf(backupReport) })).data,
  };
}
