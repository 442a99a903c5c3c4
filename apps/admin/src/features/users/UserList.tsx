import type { Role } from '@swigs/schema';
import { useQuery } from '@tanstack/react-query';
import { UserPlus, Users } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryFallback } from '../../components/QueryFallback';
import { Badge, EmptyState, PageHeader } from '../../components/ui/feedback';
import { Input, Select } from '../../components/ui/inputs';
import { Pagination } from '../../components/ui/Pagination';
import { Table, Td, Th } from '../../components/ui/table';
import { useDebounced } from '../../components/useDebounced';
import { useListParams } from '../../components/useListParams';
import { formatDateTime, formatLocale } from '../../lib/format';
import { selectableSitesQuery } from '../sites/sites.queries';
import { usersListQuery } from './users.queries';

/** Utilisateurs (admins only): search, filter by role, open one to edit. */
export function UserList() {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.language);
  const [params, setParam] = useListParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebounced(search.trim());
  const role = (params.get('role') as Role | null) ?? undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const users = useQuery(usersListQuery({ q: q || undefined, role, page, pageSize: 25 }));
  const sites = useQuery(selectableSitesQuery());
  const siteName = (id: string) => sites.data?.find((site) => site.id === id)?.name ?? '…';

  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader
        title={t('nav.users')}
        description={t('users.description')}
        actions={
          <Link
            to="/users/new"
            className="inline-flex h-10 items-center gap-2 rounded-md bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800 dark:bg-brand-600"
          >
            <UserPlus className="h-4 w-4" aria-hidden="true" />
            {t('users.new')}
          </Link>
        }
      />
      <div className="mb-4 flex flex-wrap gap-3">
        <Input
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setParam('page', undefined);
          }}
          placeholder={t('users.search')}
          aria-label={t('users.search')}
          className="max-w-xs"
        />
        <Select
          aria-label={t('users.fields.role')}
          value={role ?? ''}
          onChange={(event) => setParam('role', event.target.value || undefined)}
          className="max-w-[12rem]"
        >
          <option value="">{t('users.allRoles')}</option>
          <option value="admin">{t('users.roles.admin')}</option>
          <option value="editor">{t('users.roles.editor')}</option>
        </Select>
      </div>
      {users.isPending || users.isError ? (
        <QueryFallback query={users} />
      ) : users.data.data.length === 0 ? (
        <EmptyState icon={<Users className="h-8 w-8" />} title={t('users.empty')} />
      ) : (
        <>
          <Table>
            <caption className="sr-only">{t('nav.users')}</caption>
            <thead>
              <tr>
                <Th>{t('users.fields.name')}</Th>
                <Th className="hidden md:table-cell">{t('users.fields.email')}</Th>
                <Th>{t('users.fields.role')}</Th>
                <Th className="hidden lg:table-cell">{t('users.fields.sites')}</Th>
                <Th className="hidden sm:table-cell">{t('users.lastLogin')}</Th>
              </tr>
            </thead>
            <tbody>
              {users.data.data.map((user) => (
                <tr key={user.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
                  <Td>
                    <Link
                      to={`/users/${user.id}`}
                      className="font-medium text-brand-700 hover:underline dark:text-brand-500"
                    >
                      {user.name}
                    </Link>
                    {user.active ? null : (
                      <span className="ml-2">
                        <Badge tone="red">{t('users.inactive')}</Badge>
                      </span>
                    )}
                    <div className="text-xs text-zinc-600 md:hidden dark:text-zinc-400">{user.email}</div>
                  </Td>
                  <Td className="hidden md:table-cell">{user.email}</Td>
                  <Td>
                    <Badge tone={user.role === 'admin' ? 'blue' : 'neutral'}>
                      {t(`users.roles.${user.role}`)}
                    </Badge>
                  </Td>
                  <Td className="hidden lg:table-cell">
                    {user.role === 'admin'
                      ? t('users.allSites')
                      : user.siteIds.length === 0
                        ? '—'
                        : user.siteIds.map(siteName).join(', ')}
                  </Td>
                  <Td className="hidden sm:table-cell">
                    {user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale) : t('users.never')}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination meta={users.data.meta} onPage={(next) => setParam('page', String(next))} />
        </>
      )}
    </div>
  );
}
