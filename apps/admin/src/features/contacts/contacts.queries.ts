import type { ContactBulkBody, ContactListQuery } from '@swigs/schema';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { statsKeys } from '../dashboard/stats.queries';

export const contactKeys = {
  all: (siteId: string) => ['sites', siteId, 'contacts'] as const,
  lists: (siteId: string) => [...contactKeys.all(siteId), 'list'] as const,
  list: (siteId: string, query: ContactListQuery) => [...contactKeys.lists(siteId), query] as const,
  unread: (siteId: string) => [...contactKeys.all(siteId), 'unread'] as const,
  detail: (siteId: string, contactId: string) => [...contactKeys.all(siteId), 'detail', contactId] as const,
};

export const contactsListQuery = (siteId: string, query: ContactListQuery) =>
  queryOptions({
    queryKey: contactKeys.list(siteId, query),
    queryFn: () => api.contacts.list(siteId, query),
    placeholderData: keepPreviousData,
  });

/** Unread messages of the inbox, for the badge in the navigation; checked every minute. */
export const unreadContactsQuery = (siteId: string) =>
  queryOptions({
    queryKey: contactKeys.unread(siteId),
    queryFn: async () => (await api.contacts.list(siteId, { status: 'unread', pageSize: 1 })).meta.total,
    refetchInterval: 60_000,
  });

export const contactQuery = (siteId: string, contactId: string) =>
  queryOptions({
    queryKey: contactKeys.detail(siteId, contactId),
    queryFn: () => api.contacts.get(siteId, contactId),
  });

function useInvalidateContacts(siteId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: contactKeys.all(siteId) });
    void queryClient.invalidateQueries({ queryKey: statsKeys.site(siteId) });
  };
}

export function useMarkContact(siteId: string) {
  const invalidate = useInvalidateContacts(siteId);
  return useMutation({
    mutationFn: ({ id, read }: { id: string; read: boolean }) => api.contacts.markRead(siteId, id, read),
    onSuccess: invalidate,
  });
}

export function useMarkSpam(siteId: string) {
  const invalidate = useInvalidateContacts(siteId);
  return useMutation({
    mutationFn: ({ id, spam }: { id: string; spam: boolean }) => api.contacts.update(siteId, id, { spam }),
    onSuccess: invalidate,
  });
}

export function useDeleteContact(siteId: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateContacts(siteId);
  return useMutation({
    mutationFn: (id: string) => api.contacts.delete(siteId, id),
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: contactKeys.detail(siteId, id) });
      invalidate();
    },
  });
}

export function useBulkContacts(siteId: string) {
  const invalidate = useInvalidateContacts(siteId);
  return useMutation({
    mutationFn: (body: ContactBulkBody) => api.contacts.bulk(siteId, body),
    onSuccess: invalidate,
  });
}
