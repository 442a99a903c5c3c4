import type { CreateSiteBody, Site, SiteImportQuery, SiteListQuery, UpdateSiteBody } from '@swigs/schema';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const siteKeys = {
  all: ['sites'] as const,
  lists: () => [...siteKeys.all, 'list'] as const,
  list: (query: SiteListQuery) => [...siteKeys.lists(), query] as const,
  details: () => [...siteKeys.all, 'detail'] as const,
  detail: (siteId: string) => [...siteKeys.details(), siteId] as const,
};

/** Every site the user may open (admins: all; editors: their own), for the selector. */
export const selectableSitesQuery = () =>
  queryOptions({
    queryKey: siteKeys.list({ pageSize: 200 }),
    queryFn: () => api.sites.list({ pageSize: 200 }),
    select: (page) => [...page.data].sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    staleTime: 60_000,
  });

export const siteQuery = (siteId: string) =>
  queryOptions({
    queryKey: siteKeys.detail(siteId),
    queryFn: () => api.sites.get(siteId),
  });

export function useCreateSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSiteBody) => api.sites.create(body),
    onSuccess: (site) => {
      queryClient.setQueryData(siteKeys.detail(site.id), site);
      void queryClient.invalidateQueries({ queryKey: siteKeys.lists() });
    },
  });
}

export function useUpdateSite(siteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSiteBody) => api.sites.update(siteId, body),
    onSuccess: (site: Site) => {
      queryClient.setQueryData(siteKeys.detail(site.id), site);
      void queryClient.invalidateQueries({ queryKey: siteKeys.lists() });
    },
  });
}

export function useDeleteSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (siteId: string) => api.sites.delete(siteId),
    onSuccess: (_result, siteId) => {
      queryClient.removeQueries({ queryKey: siteKeys.detail(siteId) });
      void queryClient.invalidateQueries({ queryKey: siteKeys.lists() });
    },
  });
}

/** Creates a site from a `swigs-site` archive (admins); `slug`/`domain` when the archive's are taken. */
export function useImportSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, query }: { file: File; query: SiteImportQuery }) =>
      api.sites.importArchive(file, query),
    onSuccess: (report) => {
      queryClient.setQueryData(siteKeys.detail(report.site.id), report.site);
      void queryClient.invalidateQueries({ queryKey: siteKeys.lists() });
    },
  });
}
