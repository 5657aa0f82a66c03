import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { components, paths } from '../../api/openapi';
import { unwrap } from '../../api/problem';

export type DirectoryEntry = components['schemas']['DirectoryEntryResponse'];
export type MemberRecord = components['schemas']['MemberResponse'];
export type WorkingGroup = components['schemas']['WorkingGroupResponse'];
/** The directory's filters as the API takes them (without the paging). */
export type DirectoryFilters = Omit<
  NonNullable<paths['/api/v1/members']['get']['parameters']['query']>,
  'cursor' | 'limit'
>;

export const DIRECTORY_PAGE_SIZE = 20;

export const WORKING_GROUPS_QUERY_KEY = ['working-groups'] as const;

/** The club's working groups with their member counts (members and the office may read them). */
export function useWorkingGroups() {
  return useQuery({
    queryKey: WORKING_GROUPS_QUERY_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/working-groups')),
    staleTime: 60 * 1000,
  });
}

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
