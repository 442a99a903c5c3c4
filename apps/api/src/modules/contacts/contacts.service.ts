import type {
  Contact,
  ContactBulkBody,
  contactBulkBody,
  contactExportQuery,
  contactListQuery,
  UpdateContactBody,
} from '@swigs/schema';
import type { z } from 'zod';
import type { Transact } from '../../db/client';
import { notFound, versionConflict } from '../../lib/errors';
import { pageOf } from '../../lib/pagination';
import { mailLocaleOf } from '../../mail/layout';
import type { SitesRepository } from '../sites/sites.repository';
import { contactsCsv } from './contacts.csv';
import type { ContactChanges, ContactsRepository } from './contacts.repository';

export interface ContactsServiceDeps {
  contacts: ContactsRepository;
  sites: Pick<SitesRepository, 'findById'>;
  transact: Transact;
}

/** An export holds at most this many messages (newest first after the unread ones). */
export const maxExportRows = 50_000;

const bulkChanges: Record<Exclude<ContactBulkBody['action'], 'delete'>, ContactChanges> = {
  'mark-read': { read: true },
  'mark-unread': { read: false },
  'mark-spam': { spam: true },
  'mark-not-spam': { spam: false },
};

/** A site's inbox, for the editors of that site. */
export function createContactsService(deps: ContactsServiceDeps) {
  const { contacts, transact } = deps;

  async function requireContact(siteId: string, id: string): Promise<Contact> {
    const found = await contacts.findById(siteId, id);
    if (!found) throw notFound('CONTACT_NOT_FOUND', 'This message');
    return found;
  }

  return {
    async listContacts(siteId: string, query: z.output<typeof contactListQuery>) {
      const { rows, total } = await contacts.list(siteId, query);
      return pageOf(rows, total, query);
    },

    getContact: requireContact,

    async updateContact(
      siteId: string,
      id: string,
      body: UpdateContactBody,
      ifMatch?: number,
    ): Promise<Contact> {
      const current = await requireContact(siteId, id);
      const expectedVersion = body.version ?? ifMatch ?? current.version;
      if (expectedVersion !== current.version) throw versionConflict(current.version);
      await transact(async (tx) => {
        if (!(await contacts.update(tx, siteId, id, { read: body.read, spam: body.spam }, expectedVersion))) {
          const latest = await contacts.findById(siteId, id, tx);
          if (!latest) throw notFound('CONTACT_NOT_FOUND', 'This message');
          throw versionConflict(latest.version);
        }
      });
      return requireContact(siteId, id);
    },

    async deleteContact(siteId: string, id: string): Promise<void> {
      const deleted = await transact((tx) => contacts.deleteMany(tx, siteId, [id]));
      if (deleted === 0) throw notFound('CONTACT_NOT_FOUND', 'This message');
    },

    /** One action on many messages at once; ids that are not this site's are ignored. */
    async bulk(siteId: string, body: z.output<typeof contactBulkBody>): Promise<number> {
      const ids = [...new Set(body.ids)];
      const action = body.action;
      if (action === 'delete') return transact((tx) => contacts.deleteMany(tx, siteId, ids));
      return transact((tx) => contacts.updateMany(tx, siteId, ids, bulkChanges[action]));
    },

    /** The messages matching the filter as CSV, headers in the site's language, times in its time zone. */
    async exportCsv(siteId: string, query: z.output<typeof contactExportQuery>): Promise<string> {
      const site = await deps.sites.findById(siteId);
      if (!site) throw notFound('SITE_NOT_FOUND', 'This site');
      const rows = await contacts.listAll(siteId, query, maxExportRows);
      return contactsCsv(rows, {
        separator: query.separator === 'semicolon' ? ';' : ',',
        locale: mailLocaleOf(site.locale),
        timeZone: site.timeZone,
      });
    },
  };
}

export type ContactsService = ReturnType<typeof createContactsService>;
