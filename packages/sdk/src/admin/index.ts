import type { Requester } from '../http';
import { createAuditApi } from './audit';
import { createAuthApi } from './auth';
import { createContactsApi } from './contacts';
import { createContentsApi } from './contents';
import { createCoursesApi } from './courses';
import { createJobsApi } from './jobs';
import { createMediaApi } from './media';
import { createSeoApi } from './seo';
import { createSitesApi } from './sites';
import { createStatsApi } from './stats';
import { createSystemApi } from './system';
import { createTokensApi } from './tokens';
import { createUsersApi } from './users';

/** The authenticated back-office API: one namespace per resource, one file per namespace. */
export function createAdminApi(request: Requester) {
  return {
    auth: createAuthApi(request),
    users: createUsersApi(request),
    sites: createSitesApi(request),
    courses: createCoursesApi(request),
    contents: createContentsApi(request),
    seo: createSeoApi(request),
    tokens: createTokensApi(request),
    stats: createStatsApi(request),
    audit: createAuditApi(request),
    media: createMediaApi(request),
    contacts: createContactsApi(request),
    jobs: createJobsApi(request),
    system: createSystemApi(request),
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;
