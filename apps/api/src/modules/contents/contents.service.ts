import type { Content, contentListQuery, upsertContentBody } from '@swigs/schema';
import type { z } from 'zod';
import type { Transact } from '../../db/client';
import { fieldError, notFound, versionConflict } from '../../lib/errors';
import { pageOf } from '../../lib/pagination';
import { sanitizeRichText } from '../../lib/rich-text';
import type { AuditRepository } from '../audit/audit.repository';
import type { AuditActor } from '../audit/audit-actor';
import type { SiteChanges } from '../public/site-changes';
import type { ContentFields, ContentsRepository } from './contents.repository';

export interface ContentsServiceDeps {
  contents: ContentsRepository;
  /** Ids among these that are not media of the site. */
  findForeignMediaIds(siteId: string, ids: (string | null | undefined)[]): Promise<string[]>;
  audit: Pick<AuditRepository, 'record'>;
  changes: SiteChanges;
  transact: Transact;
}

/** What is stored for a block: rich text sanitised, an image's media id in its own column. */
function fieldsOf(body: z.output<typeof upsertContentBody>): ContentFields {
  switch (body.type) {
    case 'richtext':
      return { type: body.type, data: { html: sanitizeRichText(body.data.html) }, mediaId: null };
    case 'image':
      return { type: body.type, data: { alt: body.data.alt }, mediaId: body.data.mediaId };
    case 'json':
      return { type: body.type, data: { value: body.data.value ?? null }, mediaId: null };
    default:
      return { type: body.type, data: body.data, mediaId: null };
  }
}

export function createContentsService(deps: ContentsServiceDeps) {
  const { contents, audit, changes, transact } = deps;

  async function requireContent(siteId: string, key: string): Promise<Content> {
    const found = await contents.findByKey(siteId, key);
    if (!found) throw notFound('CONTENT_NOT_FOUND', 'This content block');
    return found;
  }

  return {
    async listContents(siteId: string, query: z.output<typeof contentListQuery>) {
      const { rows, total } = await contents.list(siteId, query);
      return pageOf(rows, total, query);
    },

    getContent: requireContent,

    /**
     * Creates or replaces the block `key`. With a version (body or If-Match) the replacement only
     * happens on that version (409 otherwise, 404 if the block was deleted meanwhile); without one
     * the last writer wins.
     */
    async putContent(
      actor: AuditActor,
      siteId: string,
      key: string,
      body: z.output<typeof upsertContentBody>,
      ifMatch?: number,
    ): Promise<{ content: Content; created: boolean }> {
      const fields = fieldsOf(body);
      if (fields.mediaId && (await deps.findForeignMediaIds(siteId, [fields.mediaId])).length > 0) {
        throw fieldError(
          'data.mediaId',
          'The image must be a file of this site’s media library.',
          'unknown_media',
        );
      }
      const expectedVersion = body.version ?? ifMatch;
      const { created, touched } = await transact(async (tx) => {
        let wasCreated = false;
        let id: string;
        if (expectedVersion === undefined) {
          const row = await contents.upsert(tx, siteId, key, fields);
          wasCreated = row.created;
          id = row.id;
        } else {
          if (!(await contents.update(tx, siteId, key, fields, expectedVersion))) {
            const stored = await contents.findByKey(siteId, key, tx);
            if (!stored) throw notFound('CONTENT_NOT_FOUND', 'This content block');
            throw versionConflict(stored.version);
          }
          id = (await contents.findByKey(siteId, key, tx))!.id;
        }
        await audit.record(tx, {
          siteId,
          actor,
          action: wasCreated ? 'create' : 'update',
          entity: 'content',
          entityId: id,
          summary: `${wasCreated ? 'Created' : 'Updated'} content "${key}" (${fields.type})`,
        });
        return { created: wasCreated, touched: await changes.touch(tx, siteId) };
      });
      await changes.published(touched);
      return { content: await requireContent(siteId, key), created };
    },

    async deleteContent(actor: AuditActor, siteId: string, key: string): Promise<void> {
      const touched = await transact(async (tx) => {
        const id = await contents.delete(tx, siteId, key);
        if (!id) throw notFound('CONTENT_NOT_FOUND', 'This content block');
        await audit.record(tx, {
          siteId,
          actor,
          action: 'delete',
          entity: 'content',
          entityId: id,
          summary: `Deleted content "${key}"`,
        });
        return changes.touch(tx, siteId);
      });
      await changes.published(touched);
    },
  };
}

export type ContentsService = ReturnType<typeof createContentsService>;
