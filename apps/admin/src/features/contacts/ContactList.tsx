import { type Contact, type ContactBulkBody, contactBulkActions } from '@swigs/schema';
import { useQuery } from '@tanstack/react-query';
import { Download, Inbox } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryFallback } from '../../components/QueryFallback';
import { Button } from '../../components/ui/Button';
import { ConfirmDialog } from '../../components/ui/ConfirmDialog';
import { EmptyState, PageHeader } from '../../components/ui/feedback';
import { Checkbox, Input, Select } from '../../components/ui/inputs';
import { Pagination } from '../../components/ui/Pagination';
import { Td, Th } from '../../components/ui/table';
import { useDebounced } from '../../components/useDebounced';
import { useListParams } from '../../components/useListParams';
import { api } from '../../lib/api';
import { apiErrorMessage } from '../../lib/api-errors';
import { cn } from '../../lib/cn';
import { formatDateTime, formatLocale } from '../../lib/format';
import { toast } from '../../lib/toast';
import { useCurrentSite } from '../sites/SiteLayout';
import { contactsListQuery, useBulkContacts } from './contacts.queries';

type BulkAction = ContactBulkBody['action'];

/** Contacts: the inbox (or the spam folder), searchable, with bulk actions and CSV export. */
export function ContactList() {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.language);
  const site = useCurrentSite();
  const [params, setListParam] = useListParams();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const statusParam = params.get('status');
  const status: 'read' | 'unread' | undefined =
    statusParam === 'read' || statusParam === 'unread' ? statusParam : undefined;
  const spam = params.get('folder') === 'spam';
  const page = Number(params.get('page') ?? '1') || 1;
  const filter = { q: q || undefined, status, spam: spam ? ('true' as const) : ('false' as const) };
  const list = useQuery(contactsListQuery(site.id, { ...filter, page, pageSize: 50 }));
  const bulk = useBulkContacts(site.id);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [exporting, setExporting] = useState(false);
  const rows = list.data?.data ?? [];
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));

  // Another filter or page shows other messages: the selection goes with the ones it was made on.
  const setParam = (key: string, value: string | undefined) => {
    setListParam(key, value);
    setSelected(new Set());
  };
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const runBulk = (action: BulkAction) =>
    bulk.mutate(
      { action, ids: [...selected] },
      {
        onSuccess: (affected) => {
          toast.success(t('contacts.bulkDone', { count: affected }));
          setSelected(new Set());
          setConfirmDelete(false);
        },
        onError: (error) => toast.error(apiErrorMessage(t, error)),
      },
    );

  const exportCsv = async () => {
    setExporting(true);
    try {
      // Semicolons: what spreadsheet programs set to French or German expect.
      const csv = await api.contacts.exportCsv(site.id, { ...filter, separator: 'semicolon' });
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `${site.slug}-contacts-${new Date().toISOString().slice(0, 10)}.csv`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      toast.error(apiErrorMessage(t, error));
    } finally {
      setExporting(false);
    }
  };

  const bulkLabels: Record<BulkAction, string> = {
    'mark-read': t('contacts.markRead'),
    'mark-unread': t('contacts.markUnread'),
    'mark-spam': t('contacts.markSpam'),
    'mark-not-spam': t('contacts.markNotSpam'),
    delete: t('common.delete'),
  };
  const available = contactBulkActions.filter((action) =>
    spam ? action !== 'mark-spam' : action !== 'mark-not-spam',
  );

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={t('nav.contacts')}
        description={t('contacts.description')}
        actions={
          <Button onClick={() => void exportCsv()} loading={exporting}>
            <Download className="h-4 w-4" aria-hidden="true" />
            {t('contacts.export')}
          </Button>
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <fieldset className="flex gap-1">
          <legend className="sr-only">{t('contacts.folder')}</legend>
          {(['inbox', 'spam'] as const).map((folder) => (
            <button
              key={folder}
              type="button"
              aria-pressed={(folder === 'spam') === spam}
              onClick={() => setParam('folder', folder === 'spam' ? 'spam' : undefined)}
              className={cn(
                'h-10 rounded-md border px-3 text-sm font-medium',
                (folder === 'spam') === spam
                  ? 'border-brand-600 bg-brand-50 text-brand-800 dark:bg-brand-800/30 dark:text-brand-100'
                  : 'border-zinc-300 dark:border-zinc-700',
              )}
            >
              {t(`contacts.folders.${folder}`)}
            </button>
          ))}
        </fieldset>
        <Input
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setSelected(new Set());
          }}
          placeholder={t('contacts.search')}
          aria-label={t('contacts.search')}
          className="max-w-xs"
        />
        <Select
          aria-label={t('contacts.status')}
          value={status ?? ''}
          onChange={(event) => setParam('status', event.target.value || undefined)}
          className="max-w-[12rem]"
        >
          <option value="">{t('contacts.allMessages')}</option>
          <option value="unread">{t('contacts.unread')}</option>
          <option value="read">{t('contacts.read')}</option>
        </Select>
      </div>
      {selected.size > 0 ? (
        <div
          role="toolbar"
          aria-label={t('contacts.bulk')}
          className="mb-3 flex flex-wrap items-center gap-2 rounded-md bg-brand-50 p-2 dark:bg-brand-800/20"
        >
          <span className="px-2 text-sm font-medium">{t('contacts.selected', { count: selected.size })}</span>
          {available.map((action) => (
            <Button
              key={action}
              size="sm"
              variant={action === 'delete' ? 'danger' : 'secondary'}
              disabled={bulk.isPending}
              onClick={() => (action === 'delete' ? setConfirmDelete(true) : runBulk(action))}
            >
              {bulkLabels[action]}
            </Button>
          ))}
        </div>
      ) : null}
      {list.isPending || list.isError ? (
        <QueryFallback query={list} />
      ) : rows.length === 0 ? (
        <EmptyState
          icon={<Inbox className="h-8 w-8" />}
          title={q || status ? t('contacts.noMatch') : spam ? t('contacts.noSpam') : t('contacts.empty')}
        />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('nav.contacts')}</caption>
            <thead>
              <tr>
                <Th className="w-10">
                  <Checkbox
                    aria-label={t('contacts.selectAll')}
                    checked={allSelected}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((row) => row.id)))}
                  />
                </Th>
                <Th>{t('contacts.from')}</Th>
                <Th>{t('contacts.subject')}</Th>
                <Th className="hidden md:table-cell">{t('contacts.receivedAt')}</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((contact: Contact) => (
                <tr
                  key={contact.id}
                  className={cn(
                    'hover:bg-zinc-50 dark:hover:bg-zinc-800/50',
                    contact.read ? '' : 'font-semibold',
                  )}
                >
                  <Td>
                    <Checkbox
                      aria-label={t('contacts.selectOne', { name: contact.name })}
                      checked={selected.has(contact.id)}
                      onChange={() => toggle(contact.id)}
                    />
                  </Td>
                  <Td>
                    {contact.read ? null : <span className="sr-only">{t('contacts.unread')} — </span>}
                    <Link
                      to={`/sites/${site.id}/contacts/${contact.id}`}
                      className="text-brand-700 hover:underline dark:text-brand-500"
                    >
                      {contact.name}
                    </Link>
                    <div className="text-xs font-normal text-zinc-600 dark:text-zinc-400">
                      {contact.email}
                    </div>
                  </Td>
                  <Td>
                    <span>{contact.subject || t('contacts.noSubject')}</span>
                    <div className="line-clamp-1 text-xs font-normal text-zinc-600 dark:text-zinc-400">
                      {contact.message}
                    </div>
                  </Td>
                  <Td className="hidden whitespace-nowrap font-normal md:table-cell">
                    {formatDateTime(contact.receivedAt, locale, site.timeZone)}
                  </Td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data ? (
        <Pagination meta={list.data.meta} onPage={(next) => setParam('page', String(next))} />
      ) : null}
      <ConfirmDialog
        open={confirmDelete}
        danger
        title={t('contacts.bulkDeleteTitle', { count: selected.size })}
        description={t('contacts.deleteDescription')}
        confirmLabel={t('common.delete')}
        pending={bulk.isPending}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() => runBulk('delete')}
      />
    </div>
  );
}
