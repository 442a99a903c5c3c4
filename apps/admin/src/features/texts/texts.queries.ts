import type { Content, UpsertContentBody } from '@swigs/schema';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const textsKeys = {
  all: (siteId: string) => ['sites', siteId, 'contents'] as const,
  list: (siteId: string) => [...textsKeys.all(siteId), 'list'] as const,
};

/** Every content block of the site (a site holds a few dozen; 200 is the API's page limit). */
export const contentsListQuery = (siteId: string) =>
  queryOptions({
    queryKey: textsKeys.list(siteId),
    queryFn: () => api.contents.list(siteId, { pageSize: 200 }),
  });

/** Writes one block (creates it or replaces it), then puts the saved block in the list. */
export function useSaveContent(siteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, body }: { key: string; body: UpsertContentBody }) =>
      api.contents.put(siteId, key, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(contentsListQuery(siteId).queryKey, (list) =>
        list ? { ...list, data: [...list.data.filter((block) => block.key !== saved.key), saved] } : list,
      );
      void queryClient.invalidateQueries({ queryKey: textsKeys.list(siteId) });
    },
  });
}

export function useDeleteContent(siteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (block: Content) => api.contents.delete(siteId, block.key),
    onSuccess: (_result, block) => {
      queryClient.setQueryData(contentsListQuery(siteId).queryKey, (list) =>
        list ? { ...list, data: list.data.filter((item) => item.key !== block.key) } : list,
      );
      void queryClient.invalidateQueries({ queryKey: textsKeys.list(siteId) });
    },
  });
}
