import type { ListMeta, PaginationQuery } from '@swigs/schema';

export interface Page<T> {
  data: T[];
  meta: ListMeta;
}

export function limitOffset(query: PaginationQuery): { limit: number; offset: number } {
  return { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
}

export function pageOf<T>(data: T[], total: number, query: PaginationQuery): Page<T> {
  return { data, meta: { total, page: query.page, pageSize: query.pageSize } };
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%" and not everything. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
