import type { Requester } from '../http';
import { createAuthApi } from './auth';
import { createContactsApi } from './contacts';
import { createJobsApi } from './jobs';
import { createMediaApi } from './media';
import { createSitesApi } from './sites';
import { createUsersApi } from './users';

/** The authenticated back-office API: one namespace per resource, one file per namespace. */
export function createAdminApi(request: Requester) {
  return {
    auth: createAuthApi(request),
    users: createUsersApi(request),
    sites: createSitesApi(request),
    media: createMediaApi(request),
    contacts: createContactsApi(request),
    jobs: createJobsApi(request),
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;
