import { type AuditEntity, type AuditEntry, auditEntities, auditGlobalListQuery } from '@swigs/schema';
import { useQuery } from '@tanstack/react-query';
import { ScrollText } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryFallback } from '../../components/QueryFallback';
import { Badge, type BadgeTone, EmptyState, PageHeader } from '../../components/ui/feedback';
import { Select } from '../../components/ui/inputs';
import { Pagination } from '../../components/ui/Pagination';
import { Table, Td, Th } from '../../components/ui/table';
import { useListParams } from '../../components/useListParams';
import { formatDateTime, formatLocale } from '../../lib/format';
import { selectableSitesQuery } from '../sites/sites.queries';
import { journalQuery } from './journal.queries';

const actionTones: Record<AuditEntry['action'], BadgeTone> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  reorder: 'neutral',
  revoke: 'amber',
};

const isEntity = (value: string | null): value is AuditEntity => auditEntities.includes(value as AuditEntity);

/**
 * Where the record an entry is about can be opened, if anywhere. Deleted records, and records
 * without a screen of their own (content blocks, media, tokens, sites) have no link; `siteExists`
 * keeps links into a deleted site out.
 */
function recordLink(entry: AuditEntry, siteExists: boolean): string | undefined {
  if (entry.action === 'delete' || entry.action === 'reorder') return undefined;
  const id = encodeURIComponent(entry.entityId);
  if (entry.entity === 'user') return `/users/${id}`;
  if (!entry.siteId || !siteExists) return undefined;
  switch (entry.entity) {
    case 'course':
      return `/sites/${entry.siteId}/courses/${id}`;
    case 'contact':
      return `/sites/${entry.siteId}/contacts/${id}`;
    case 'seo':
      return `/sites/${entry.siteId}/seo?id=${id}`;
    default:
      return undefined;
  }
}

/** Journal (admins only): the audit trail of every site, filtered by site and kind of record. */
export function JournalPage() {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.language);
  const [params, setParam] = useListParams();
  const siteParam = params.get('site');
  // A hand-edited URL with a malformed site id shows everything rather than an error.
  const siteId = auditGlobalListQuery.shape.siteId.safeParse(siteParam ?? undefined).data;
  const entityParam = params.get('entity');
  const entity = isEntity(entityParam) ? entityParam : undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const journal = useQuery(journalQuery({ siteId, entity, page, pageSize: 50 }));
  const sites = useQuery(selectableSitesQuery());
  const siteOf = (id: string) => sites.data?.find((site) => site.id === id);

  const actorOf = (entry: AuditEntry) =>
    entry.actor.type === 'system'
      ? t('journal.systemActor')
      : entry.actor.type === 'token'
        ? t('journal.tokenActor', { name: entry.actor.name })
        : entry.actor.name;

  const siteNameOf = (entry: AuditEntry) => {
    if (!entry.siteId) return t('journal.noSite');
    if (!sites.data) return '…';
    return siteOf(entry.siteId)?.name ?? t('journal.deletedSite');
  };

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={t('nav.journal')} description={t('journal.description')} />
      <div className="mb-4 flex flex-wrap gap-3">
        <Select
          aria-label={t('journal.site')}
          value={siteId ?? ''}
          onChange={(event) => setParam('site', event.target.value || undefined)}
          className="max-w-xs"
        >
          <option value="">{t('journal.allSites')}</option>
          <option value="none">{t('journal.noSite')}</option>
          {(sites.data ?? []).map((site) => (
            <option key={site.id} value={site.id}>
              {site.name}
            </option>
          ))}
        </Select>
        <Select
          aria-label={t('journal.entity')}
          value={entity ?? ''}
          onChange={(event) => setParam('entity', event.target.value || undefined)}
          className="max-w-[14rem]"
        >
          <option value="">{t('journal.allEntities')}</option>
          {auditEntities.map((value) => (
            <option key={value} value={value}>
              {t(`journal.entities.${value}`)}
            </option>
          ))}
        </Select>
      </div>
      {journal.isPending || journal.isError ? (
        <QueryFallback query={journal} />
      ) : journal.data.data.length === 0 ? (
        <EmptyState
          icon={<ScrollText className="h-8 w-8" />}
          title={siteId || entity ? t('journal.noMatch') : t('journal.empty')}
        />
      ) : (
        <>
          <Table>
            <caption className="sr-only">{t('nav.journal')}</caption>
            <thead>
              <tr>
                <Th>{t('journal.columns.date')}</Th>
                <Th>{t('journal.columns.actor')}</Th>
                <Th className="hidden sm:table-cell">{t('journal.columns.action')}</Th>
                <Th className="hidden md:table-cell">{t('journal.columns.entity')}</Th>
                <Th>{t('journal.columns.summary')}</Th>
                <Th className="hidden lg:table-cell">{t('journal.columns.site')}</Th>
              </tr>
            </thead>
            <tbody>
              {journal.data.data.map((entry) => {
                const link = recordLink(entry, Boolean(entry.siteId && siteOf(entry.siteId)));
                return (
                  <tr key={entry.id} className="align-top hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
                    <Td className="whitespace-nowrap">{formatDateTime(entry.createdAt, locale)}</Td>
                    <Td>{actorOf(entry)}</Td>
                    <Td className="hidden sm:table-cell">
                      <Badge tone={actionTones[entry.action]}>{t(`journal.actions.${entry.action}`)}</Badge>
                    </Td>
                    <Td className="hidden md:table-cell">{t(`journal.entities.${entry.entity}`)}</Td>
                    <Td className="break-words">
                      {link ? (
                        <Link to={link} className="text-brand-700 hover:underline dark:text-brand-500">
                          {entry.summary}
                        </Link>
                      ) : (
                        entry.summary
                      )}
                      <div className="text-xs text-zinc-600 lg:hidden dark:text-zinc-400">
                        {siteNameOf(entry)}
                      </div>
                    </Td>
                    <Td className="hidden lg:table-cell">{siteNameOf(entry)}</Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
          <Pagination meta={journal.data.meta} onPage={(next) => setParam('page', String(next))} />
        </>
      )}
    </div>
  );
}
