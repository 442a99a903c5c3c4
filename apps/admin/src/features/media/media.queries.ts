import type { Media, MediaListQuery, MediaRef, UpdateMediaBody } from '@swigs/schema';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { apiUrl } from '../../lib/config';
import { statsKeys } from '../dashboard/stats.queries';

export const mediaKeys = {
  all: (siteId: string) => ['sites', siteId, 'media'] as const,
  lists: (siteId: string) => [...mediaKeys.all(siteId), 'list'] as const,
  list: (siteId: string, query: MediaListQuery) => [...mediaKeys.lists(siteId), query] as const,
  usages: (siteId: string, mediaId: string) => [...mediaKeys.all(siteId), 'usages', mediaId] as const,
};

export const mediaListQuery = (siteId: string, query: MediaListQuery) =>
  queryOptions({
    queryKey: mediaKeys.list(siteId, query),
    queryFn: () => api.media.list(siteId, query),
    placeholderData: keepPreviousData,
  });

export const mediaUsagesQuery = (siteId: string, mediaId: string) =>
  queryOptions({
    queryKey: mediaKeys.usages(siteId, mediaId),
    queryFn: () => api.media.usages(siteId, mediaId),
    staleTime: 0,
  });

/** After an upload or a deletion: lists and the dashboard's figures change. */
export function useInvalidateMedia(siteId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: mediaKeys.lists(siteId) });
    void queryClient.invalidateQueries({ queryKey: statsKeys.site(siteId) });
  };
}

export function useUpdateMedia(siteId: string, mediaId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMediaBody) => api.media.update(siteId, mediaId, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: mediaKeys.lists(siteId) }),
  });
}

export function useDeleteMedia(siteId: string) {
  const invalidate = useInvalidateMedia(siteId);
  return useMutation({
    mutationFn: ({ id, force }: { id: string; force: boolean }) => api.media.delete(siteId, id, { force }),
    onSuccess: invalidate,
  });
}

/** The smallest variant at least `width` wide (the original when none is). */
export function imageUrl(item: Pick<MediaRef, 'url' | 'variants'>, width = 320): string {
  const variant = [...item.variants].sort((a, b) => a.width - b.width).find((v) => v.width >= width);
  return apiUrl((variant ?? item).url);
}

/** The absolute address of the original file, to paste elsewhere. */
export function publicUrlOf(item: Pick<Media, 'url'>): string {
  return new URL(apiUrl(item.url), window.location.origin).toString();
}
