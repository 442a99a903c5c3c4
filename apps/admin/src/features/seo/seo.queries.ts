import type { CreateSeoBody, SeoRecord, UpdateSeoBody } from '@swigs/schema';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const seoKeys = {
  all: (siteId: string) => ['sites', siteId, 'seo'] as const,
  lists: (siteId: string) => [...seoKeys.all(siteId), 'list'] as const,
  details: (siteId: string) => [...seoKeys.all(siteId), 'detail'] as const,
  detail: (siteId: string, seoId: string) => [...seoKeys.details(siteId), seoId] as const,
};

/** Every SEO record of the site: the five default pages, custom paths and course overrides. */
export const seoListQuery = (siteId: string) =>
  queryOptions({
    queryKey: seoKeys.lists(siteId),
    queryFn: () => api.seo.list(siteId, { pageSize: 200 }),
  });

export const seoQuery = (siteId: string, seoId: string) =>
  queryOptions({ queryKey: seoKeys.detail(siteId, seoId), queryFn: () => api.seo.get(siteId, seoId) });

export function useCreateSeo(siteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSeoBody) => api.seo.create(siteId, body),
    onSuccess: (response) => {
      queryClient.setQueryData(seoKeys.detail(siteId, response.data.id), response);
      void queryClient.invalidateQueries({ queryKey: seoKeys.lists(siteId) });
    },
  });
}

export function useUpdateSeo(siteId: string, seoId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSeoBody) => api.seo.update(siteId, seoId, body),
    onSuccess: (response) => {
      queryClient.setQueryData(seoKeys.detail(siteId, seoId), response);
      void queryClient.invalidateQueries({ queryKey: seoKeys.lists(siteId) });
    },
  });
}

export function useDeleteSeo(siteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (record: SeoRecord) => api.seo.delete(siteId, record.id),
    onSuccess: (_result, record) => {
      queryClient.removeQueries({ queryKey: seoKeys.detail(siteId, record.id) });
      void queryClient.invalidateQueries({ queryKey: seoKeys.lists(siteId) });
    },
  });
}
