import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { components } from '../api/openapi';
import { unwrap } from '../api/problem';

export type WorkingGroup = components['schemas']['WorkingGroupResponse'];

export const WORKING_GROUPS_QUERY_KEY = ['working-groups'] as const;

/** The club's working groups with their member counts (members and the office may read them). */
export function useWorkingGroups() {
  return useQuery({
    queryKey: WORKING_GROUPS_QUERY_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/working-groups')),
    staleTime: 60 * 1000,
  });
}
