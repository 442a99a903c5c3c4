import { type AuditGlobalListQuery, type AuditListQuery, auditEntry, listOf } from '@swigs/schema';
import type { Query, Requester } from '../http';
import { v1 } from './shared';

/** The audit trail (administrators only): per site, or changes outside any site (users). */
export function createAuditApi(request: Requester) {
  return {
    listBySite: (siteId: string, query: AuditListQuery = {}) =>
      request('GET', `${v1}/sites/${siteId}/audit`, { query: query as Query, schema: listOf(auditEntry) }),
    list: (query: AuditGlobalListQuery = {}) =>
      request('GET', `${v1}/audit`, { query: query as Query, schema: listOf(auditEntry) }),
  };
}
