import type { DatabaseHandle } from '../../db/client';

/** Questions about the database server itself (no table of ours involved, hence raw SQL). */
export function createSystemRepository(query: DatabaseHandle['query']) {
  return {
    /** `SHOW server_version` of the database server. */
    async serverVersion(): Promise<string> {
      const { rows } = await query<{ server_version: string }>('show server_version');
      return String(rows[0]?.server_version ?? '');
    },
  };
}

export type SystemRepository = ReturnType<typeof createSystemRepository>;
