import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { components, paths } from '../../../api/openapi';
import { unwrap } from '../../../api/problem';
import { WORKING_GROUPS_QUERY_KEY } from '../../../components/workingGroups';

export type Member = components['schemas']['MemberResponse'];
type DirectoryEntry = components['schemas']['DirectoryEntryResponse'];
export type MemberChange = components['schemas']['UpdateMemberRequest'];
export type HistoryEntry = components['schemas']['HistoryEntryResponse'];
/** The office's filters of the members as the API takes them (without the paging). */
export type MemberFilters = Omit<
  NonNullable<paths['/api/v1/members']['get']['parameters']['query']>,
  'cursor' | 'limit'
>;

export const MEMBERS_PAGE_SIZE = 50;

/** The office is answered with full records; an entry without an address would be a faulty answer. */
function asMember(item: Member | DirectoryEntry): Member | null {
  return 'email' in item ? item : null;
}

/** The members (every status but erased) in name order, page by page. */
export function useMembers(filters: MemberFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['console-members', filters],
    enabled,
    queryFn: async ({ pageParam }) => {
      const page = await unwrap(
        api.GET('/api/v1/members', {
          params: {
            query: { ...filters, limit: MEMBERS_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      );
      return { items: page.items.map(asMember).filter((item) => item !== null), nextCursor: page.nextCursor };
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export const memberKey = (memberId: string) => ['console-member', memberId] as const;

export function useMember(memberId: string) {
  return useQuery({
    queryKey: memberKey(memberId),
    queryFn: async () => {
      const member = asMember(
        await unwrap(api.GET('/api/v1/members/{id}', { params: { path: { id: memberId } } })),
      );
      if (!member) throw new Error('Die Antwort enthielt nicht den vollständigen Datensatz.');
      return member;
    },
  });
}

export function useHistory(memberId: string) {
  return useInfiniteQuery({
    queryKey: ['console-member-history', memberId],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/members/{id}/history', {
          params: {
            path: { id: memberId },
            query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** After a change of a member: the new record is shown at once; lists, history and counts load again. */
export function useMemberChanged(): (member: Member) => void {
  const queryClient = useQueryClient();
  return (member) => {
    queryClient.setQueryData(memberKey(member.id), member);
    void queryClient.invalidateQueries({ queryKey: ['console-members'] });
    void queryClient.invalidateQueries({ queryKey: ['console-member-history', member.id] });
    void queryClient.invalidateQueries({ queryKey: WORKING_GROUPS_QUERY_KEY });
    void queryClient.invalidateQueries({ queryKey: ['directory'] });
  };
}

/** The office puts a member into a working group or takes them out. */
export function useGroupMembership() {
  const memberChanged = useMemberChanged();
  return useMutation({
    mutationFn: ({
      groupId,
      memberId,
      join,
    }: {
      groupId: string;
      memberId: string;
      join: boolean;
      name: string;
    }) => {
      const params = { params: { path: { id: groupId, memberId } } };
      return unwrap(
        join
          ? api.PUT('/api/v1/working-groups/{id}/members/{memberId}', params)
          : api.DELETE('/api/v1/working-groups/{id}/members/{memberId}', params),
      );
    },
    onSuccess: memberChanged,
  });
}
