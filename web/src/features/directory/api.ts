import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { components, paths } from '../../api/openapi';
import { unwrap } from '../../api/problem';

export type DirectoryEntry = components['schemas']['DirectoryEntryResponse'];
export type MemberRecord = components['schemas']['MemberResponse'];
/** The directory's filters as the API takes them (without the paging). */
export type DirectoryFilters = Omit<
  NonNullable<paths['/api/v1/members']['get']['parameters']['query']>,
  'cursor' | 'limit'
>;

export const DIRECTORY_PAGE_SIZE = 20;

/** The directory, page by page in name order („Weitere anzeigen“ fetches the next page). */
export function useDirectory(filters: DirectoryFilters) {
  return useInfiniteQuery({
    queryKey: ['directory', filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/members', {
          params: {
            query: { ...filters, limit: DIRECTORY_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** One member as the signed-in member may see them (their directory entry; themselves in full). */
export function useMember(memberId: string) {
  return useQuery({
    queryKey: ['members', memberId],
    queryFn: () => unwrap(api.GET('/api/v1/members/{id}', { params: { path: { id: memberId } } })),
  });
}
