import { type CourseStatus, courseStatuses, type SiteStats } from '@swigs/schema';
import type { AuditRepository } from '../audit/audit.repository';
import type { CoursesRepository } from '../courses/courses.repository';
import type { StatsRepository } from './stats.repository';

export interface StatsServiceDeps {
  courses: Pick<CoursesRepository, 'countByStatus'>;
  stats: Pick<StatsRepository, 'mediaTotals'>;
  audit: Pick<AuditRepository, 'latest'>;
  /** Unread messages of the site's contact inbox. */
  countUnreadContacts: (siteId: string) => Promise<number>;
}

/** How many recent changes the dashboard shows. */
const lastChangesShown = 10;

export function createStatsService(deps: StatsServiceDeps) {
  return {
    async getSiteStats(siteId: string): Promise<SiteStats> {
      const [byStatusFound, media, lastChanges, unread] = await Promise.all([
        deps.courses.countByStatus(siteId),
        deps.stats.mediaTotals(siteId),
        deps.audit.latest(siteId, lastChangesShown),
        deps.countUnreadContacts(siteId),
      ]);
      const byStatus = Object.fromEntries(
        courseStatuses.map((status) => [status, byStatusFound[status] ?? 0]),
      ) as Record<CourseStatus, number>;
      return {
        courses: { total: Object.values(byStatus).reduce((sum, n) => sum + n, 0), byStatus },
        contacts: { unread },
        media,
        lastChanges,
      };
    },
  };
}

export type StatsService = ReturnType<typeof createStatsService>;
