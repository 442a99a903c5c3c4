import type { CreateApiTokenBody } from '@swigs/schema';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const tokenKeys = {
  all: (siteId: string) => ['sites', siteId, 'tokens'] as const,
  list: (siteId: string) => [...tokenKeys.all(siteId), 'list'] as const,
};

export const tokensListQuery = (siteId: string) =>
  queryOptions({ queryKey: tokenKeys.list(siteId), queryFn: () => api.tokens.list(siteId) });

export function useCreateToken(siteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiTokenBody) => api.tokens.create(siteId, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tokenKeys.all(siteId) }),
  });
}

export function useRevokeToken(siteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => api.tokens.revoke(siteId, tokenId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tokenKeys.all(siteId) }),
  });
}
