import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { TextField } from '../../../components/Fields';
import { fullName, roleLine } from '../../../components/memberNames';
import { Page } from '../../../components/Page';
import { Empty, ErrorNotice, Loading, Success } from '../../../components/States';
import { useWorkingGroups, type WorkingGroup } from '../../../components/workingGroups';
import { texts } from '../../../texts';
import { useGroupMembership, useMembers, type Member } from './api';

const t = texts.console.members.workingGroup;
const MEMBERS_PATH = '/geschaeftsstelle/mitglieder';
const GROUPS_PATH = '/geschaeftsstelle/arbeitsgruppen';

/** /geschaeftsstelle/arbeitsgruppen/{id}: a working group, its members, adding and removing them. */
export default function WorkingGroupPage() {
  const { groupId = '' } = useParams();
  const groups = useWorkingGroups();
  const group = groups.data?.find((candidate) => candidate.id === groupId);
  if (groups.isPending) {
    return (
      <Page title={texts.console.members.workingGroups.title}>
        <Loading label={t.loading} />
      </Page>
    );
  }
  if (groups.isError || !group) {
    return (
      <Page title={texts.console.members.workingGroups.title}>
        {groups.isError ? (
          <ErrorNotice error={groups.error} onRetry={() => void groups.refetch()} />
        ) : (
          <div className="notice notice-error" role="alert">
            <p>{t.notFound}</p>
          </div>
        )}
        <p>
          <Link to={GROUPS_PATH}>{t.back}</Link>
        </p>
      </Page>
    );
  }
  return <GroupView group={group} />;
}

function GroupView({ group }: { readonly group: WorkingGroup }) {
  const membersId = useId();
  const addId = useId();
  const change = useGroupMembership();
  const done = change.isSuccess ? change.variables : undefined;
  return (
    <Page title={group.name} lead={group.description}>
      <p>
        <Link to={GROUPS_PATH}>{t.back}</Link>
      </p>
      <p className="meta">
        {texts.console.members.workingGroups.memberCount(group.memberCount)} · {t.shortName(group.id)}
      </p>
      {done ? (
        <Success>
          <p>{done.join ? t.added(done.name) : t.removed(done.name)}</p>
        </Success>
      ) : null}
      {change.isError ? <ErrorNotice error={change.error} /> : null}
      <section aria-labelledby={membersId}>
        <h2 id={membersId}>{t.membersHeading}</h2>
        <GroupMembers group={group} change={change} />
      </section>
      <section aria-labelledby={addId}>
        <h2 id={addId}>{t.addHeading}</h2>
        <AddMember group={group} change={change} labelledBy={addId} />
      </section>
    </Page>
  );
}

type Change = ReturnType<typeof useGroupMembership>;

function MemberRows({
  members,
  group,
  change,
  join,
}: {
  readonly members: readonly Member[];
  readonly group: WorkingGroup;
  readonly change: Change;
  readonly join: boolean;
}) {
  return (
    <ul className="console-member-groups">
      {members.map((member) => {
        const name = fullName(member);
        return (
          <li key={member.id}>
            <span>
              <Link to={`${MEMBERS_PATH}/${member.id}`}>{name}</Link>
              <br />
              <span className="meta">{roleLine(member)}</span>
            </span>
            <button
              type="button"
              className={`button ${join ? 'button-primary' : 'button-secondary'}`}
              aria-disabled={change.isPending || undefined}
              onClick={() => {
                if (!change.isPending) change.mutate({ groupId: group.id, memberId: member.id, join, name });
              }}
            >
              {join ? t.add : t.remove}{' '}
              <span className="visually-hidden">{join ? t.addWho(name) : t.removeWho(name)}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function GroupMembers({ group, change }: { readonly group: WorkingGroup; readonly change: Change }) {
  const members = useMembers({ workingGroup: group.id });
  const entries = members.data?.pages.flatMap((page) => page.items) ?? [];
  if (members.isPending) return <Loading label={t.membersLoading} />;
  if (members.isError && entries.length === 0) {
    return <ErrorNotice error={members.error} onRetry={() => void members.refetch()} />;
  }
  if (entries.length === 0) {
    return (
      <Empty>
        <p>{t.membersEmpty}</p>
      </Empty>
    );
  }
  return (
    <>
      <MemberRows members={entries} group={group} change={change} join={false} />
      {members.hasNextPage ? (
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            aria-disabled={members.isFetchingNextPage || undefined}
            onClick={() => {
              if (!members.isFetchingNextPage) void members.fetchNextPage();
            }}
          >
            {t.more}
          </button>
        </div>
      ) : null}
    </>
  );
}

function AddMember({
  group,
  change,
  labelledBy,
}: {
  readonly group: WorkingGroup;
  readonly change: Change;
  readonly labelledBy: string;
}) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const found = useMembers({ q: query, status: 'active' }, query !== '');
  const resultsId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery(
      text
        .trim()
        .replace(/\p{Cc}+/gu, ' ')
        .slice(0, 80),
    );
  };
  const candidates = (found.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (member) => !member.workingGroups.includes(group.id),
  );
  return (
    <>
      <p>{t.addIntro}</p>
      <form role="search" aria-labelledby={labelledBy} onSubmit={submit} className="console-group-search">
        <TextField
          label={t.search}
          type="search"
          markOptional={false}
          maxLength={80}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t.searchSubmit}
          </button>
        </div>
      </form>
      {query === '' ? null : (
        <section aria-labelledby={resultsId}>
          <h3 id={resultsId}>{t.searchResults}</h3>
          {found.isPending ? (
            <Loading label={t.searchLoading} />
          ) : found.isError ? (
            <ErrorNotice error={found.error} onRetry={() => void found.refetch()} />
          ) : candidates.length === 0 ? (
            <Empty>
              <p>{t.searchEmpty}</p>
            </Empty>
          ) : (
            <MemberRows members={candidates} group={group} change={change} join />
          )}
        </section>
      )}
    </>
  );
}
