import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { Empty, ErrorNotice, Loading, Success } from '../../components/States';
import { texts } from '../../texts';
import {
  useWorkingGroups,
  WORKING_GROUPS_QUERY_KEY,
  type WorkingGroup,
} from '../../components/workingGroups';
import { useProfileChanged, type OwnProfile } from './api';

const t = texts.profile.workingGroups;

interface Membership {
  readonly group: WorkingGroup;
  readonly join: boolean;
}

/** The club's working groups: which the member is in, joining and leaving with one button. */
export function WorkingGroupsSection({ profile }: { readonly profile: OwnProfile }) {
  const groups = useWorkingGroups();
  const queryClient = useQueryClient();
  const profileChanged = useProfileChanged();
  const change = useMutation({
    mutationFn: ({ group, join }: Membership) => {
      const params = { params: { path: { id: group.id } } };
      return unwrap(
        join
          ? api.PUT('/api/v1/members/me/working-groups/{id}', params)
          : api.DELETE('/api/v1/members/me/working-groups/{id}', params),
      );
    },
    onSuccess: (updated) => {
      profileChanged(updated);
      // The member counts changed.
      void queryClient.invalidateQueries({ queryKey: WORKING_GROUPS_QUERY_KEY });
    },
  });

  if (groups.isPending) return <Loading label={t.loading} />;
  if (groups.isError) return <ErrorNotice error={groups.error} onRetry={() => void groups.refetch()} />;
  if (groups.data.length === 0) {
    return (
      <Empty>
        <p>{t.empty}</p>
      </Empty>
    );
  }
  const done = change.isSuccess ? change.variables : undefined;
  return (
    <>
      {done ? (
        <Success>
          <p>{done.join ? t.joined(done.group.name) : t.left(done.group.name)}</p>
        </Success>
      ) : null}
      {change.isError ? <ErrorNotice error={change.error} /> : null}
      <ul className="card-list">
        {groups.data.map((group) => {
          const isMember = profile.workingGroups.includes(group.id);
          const busy = change.isPending && change.variables.group.id === group.id;
          return (
            <li key={group.id} className="card">
              <h3>{group.name}</h3>
              {group.description ? <p>{group.description}</p> : null}
              <p className="meta">
                {t.memberCount(group.memberCount)}
                {isMember ? (
                  <>
                    {' '}
                    <span className="badge badge-success">{t.youAreMember}</span>
                  </>
                ) : null}
              </p>
              <div className="button-row">
                <button
                  type="button"
                  className={`button ${isMember ? 'button-secondary' : 'button-primary'}`}
                  // Not disabled while a change is on its way: a disabled button would lose the focus.
                  aria-disabled={change.isPending || undefined}
                  aria-busy={busy || undefined}
                  onClick={() => {
                    if (!change.isPending) change.mutate({ group, join: !isMember });
                  }}
                >
                  {isMember ? t.leave : t.join}{' '}
                  <span className="visually-hidden">{t.groupName(group.name)}</span>
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
