import { z } from 'zod';
import { auditEntry } from './audit';
import { courseStatuses } from './courses';

/** The dashboard of one site. */
export const siteStats = z.object({
  courses: z.object({
    total: z.number().int().min(0),
    byStatus: z.object(
      Object.fromEntries(courseStatuses.map((status) => [status, z.number().int().min(0)])) as Record<
        (typeof courseStatuses)[number],
        z.ZodNumber
      >,
    ),
  }),
  contacts: z.object({
    /** Messages not yet read (suspected spam not counted). */
    unread: z.number().int().min(0),
  }),
  media: z.object({
    count: z.number().int().min(0),
    /** Sum of the originals' sizes (variants not counted). */
    bytes: z.number().int().min(0),
  }),
  /** The latest writes on the site, newest first. */
  lastChanges: z.array(auditEntry),
});
export type SiteStats = z.infer<typeof siteStats>;
