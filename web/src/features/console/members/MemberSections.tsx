import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { TextAreaField, TextField } from '../../../components/Fields';
import { fullName } from '../../../components/memberNames';
import { Empty, ErrorNotice, Loading, Success } from '../../../components/States';
import { MoreResults } from '../../../components/MoreResults';
import { useWorkingGroups } from '../../../components/workingGroups';
import { formatShortDate, formatTime } from '../../../format/dates';
import { texts } from '../../../texts';
import { useGroupMembership, useHistory, useMemberChanged, type HistoryEntry, type Member } from './api';

const t = texts.console.members;

/** The kind of a change in words, from its event type (`de.dstgb.ic.membership.MemberActivated.v1`). */
export function kindOf(type: string): string {
  const name = type.split('.').at(-2) ?? '';
  return t.history.kinds[name] ?? t.history.otherKind;
}

function byWhom(entry: HistoryEntry, member: Member): string {
  if (!entry.by) return t.history.by.system;
  if (entry.by.role === 'staff')
    return entry.by.subject === 'system' ? t.history.by.system : t.history.by.staff;
  return entry.by.subject === member.id ? t.history.by.self : t.history.by.member;
}

/** Every change of the member, newest first, page by page. */
export function HistorySection({ member }: { readonly member: Member }) {
  const history = useHistory(member.id);
  const entries = history.data?.pages.flatMap((page) => page.items) ?? [];
  if (history.isPending) return <Loading label={t.history.loading} />;
  if (history.isError && entries.length === 0) {
    return <ErrorNotice error={history.error} onRetry={() => void history.refetch()} />;
  }
  if (entries.length === 0) {
    return (
      <Empty>
        <p>{t.history.empty}</p>
      </Empty>
    );
  }
  return (
    <>
      <table className="console-history-table stack-on-phone">
        <caption className="visually-hidden">{t.history.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.history.columns.at}</th>
            <th scope="col">{t.history.columns.kind}</th>
            <th scope="col">{t.history.columns.what}</th>
            <th scope="col">{t.history.columns.by}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.eventId}>
              <td
                data-label={t.history.columns.at}
              >{`${formatShortDate(entry.at)}, ${formatTime(entry.at)}`}</td>
              <th scope="row" data-label={t.history.columns.kind}>
                {kindOf(entry.type)}
              </th>
              <td data-label={t.history.columns.what}>{entry.summary}</td>
              <td data-label={t.history.columns.by}>{byWhom(entry, member)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <MoreResults pages={history} label={t.history.more} loadingLabel={t.history.loadingMore} />
    </>
  );
}

/** The working groups of the member; the office puts them in or takes them out. */
export function GroupsSection({ member }: { readonly member: Member }) {
  const groups = useWorkingGroups();
  const change = useGroupMembership();
  if (groups.isPending) return <Loading label={t.groups.loading} />;
  if (groups.isError) return <ErrorNotice error={groups.error} onRetry={() => void groups.refetch()} />;
  if (groups.data.length === 0) {
    return (
      <Empty>
        <p>{t.groups.noGroups}</p>
      </Empty>
    );
  }
  const active = member.status === 'active';
  const done = change.isSuccess ? change.variables : undefined;
  return (
    <>
      {member.workingGroups.length === 0 ? <p>{t.groups.none}</p> : null}
      {active ? null : <p className="notice notice-warning">{t.groups.ended}</p>}
      {done ? (
        <Success>
          <p>{done.join ? t.groups.added(done.name) : t.groups.removed(done.name)}</p>
        </Success>
      ) : null}
      {change.isError ? <ErrorNotice error={change.error} /> : null}
      <ul className="console-member-groups">
        {groups.data.map((group) => {
          const isIn = member.workingGroups.includes(group.id);
          if (!isIn && !active) return null;
          return (
            <li key={group.id}>
              <span>
                {group.name}
                {isIn ? (
                  <>
                    {' '}
                    <span className="badge badge-success">{t.groups.memberOf}</span>
                  </>
                ) : null}
              </span>
              <button
                type="button"
                className={`button ${isIn ? 'button-secondary' : 'button-primary'}`}
                aria-disabled={change.isPending || undefined}
                onClick={() => {
                  if (!change.isPending)
                    change.mutate({ groupId: group.id, memberId: member.id, join: !isIn, name: group.name });
                }}
              >
                {isIn ? t.groups.remove : t.groups.add}{' '}
                <span className="visually-hidden">
                  {isIn ? t.groups.removeFrom(group.name) : t.groups.groupName(group.name)}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** Ends the membership with an optional note, after a dialog that says who is told. */
export function EndSection({ member }: { readonly member: Member }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const memberChanged = useMemberChanged();
  const end = useMutation({
    mutationFn: () => {
      const text = note.trim();
      return unwrap(
        api.POST('/api/v1/members/{id}/end', {
          params: { path: { id: member.id } },
          body: text ? { note: text } : {},
        }),
      );
    },
    onSuccess: (updated) => {
      setOpen(false);
      memberChanged(updated);
    },
  });
  if (member.status !== 'active') {
    return end.isSuccess ? (
      <Success>
        <p>{t.end.done}</p>
      </Success>
    ) : (
      <p>{t.end.alreadyEnded}</p>
    );
  }
  const name = fullName(member);
  return (
    <>
      <p>{t.end.intro}</p>
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          {t.end.open}
        </button>
      </div>
      <ConfirmDialog
        open={open}
        title={t.end.dialogTitle(name)}
        confirmLabel={t.end.confirm}
        destructive
        busy={end.isPending}
        onConfirm={() => end.mutate()}
        onCancel={() => {
          setOpen(false);
          end.reset();
        }}
      >
        <ul>
          {t.end.consequences.map((consequence) => (
            <li key={consequence}>{consequence}</li>
          ))}
        </ul>
        <TextAreaField
          label={t.end.note}
          hint={t.end.noteHint}
          value={note}
          maxLength={2000}
          rows={3}
          onChange={(event) => setNote(event.target.value)}
        />
        {end.isError ? <ErrorNotice error={end.error} /> : null}
      </ConfirmDialog>
    </>
  );
}

/** Erases the member's data after the office has typed the member's name; then back to the list. */
export function EraseSection({ member }: { readonly member: Member }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const name = `${member.firstName} ${member.lastName}`;
  const erase = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/members/{id}/erasure', {
          params: { path: { id: member.id } },
          body: { confirm: true },
        }),
      ),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: ['console-member', member.id] });
      void queryClient.invalidateQueries({ queryKey: ['console-members'] });
      void navigate('/geschaeftsstelle/mitglieder', { replace: true, state: { notice: t.erase.done } });
    },
  });
  const close = () => {
    setOpen(false);
    setTyped('');
    setMismatch(false);
    erase.reset();
  };
  const matches = typed.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de') === name.toLocaleLowerCase('de');
  return (
    <>
      <p>{t.erase.intro}</p>
      <div className="button-row">
        <button type="button" className="button button-danger" onClick={() => setOpen(true)}>
          {t.erase.open}
        </button>
      </div>
      <ConfirmDialog
        open={open}
        title={t.erase.dialogTitle(fullName(member))}
        confirmLabel={t.erase.confirm}
        destructive
        busy={erase.isPending}
        onConfirm={() => {
          if (!matches) {
            setMismatch(true);
            input.current?.focus();
            return;
          }
          erase.mutate();
        }}
        onCancel={close}
      >
        <p className="notice notice-warning">
          <strong>{t.erase.warning}</strong>
        </p>
        <ul>
          {t.erase.consequences.map((consequence) => (
            <li key={consequence}>{consequence}</li>
          ))}
        </ul>
        <TextField
          ref={input}
          label={t.erase.typeName(name)}
          autoComplete="off"
          value={typed}
          error={mismatch && !matches ? t.erase.typeNameMissing : undefined}
          onChange={(event) => {
            setTyped(event.target.value);
            setMismatch(false);
          }}
        />
        {erase.isError ? <ErrorNotice error={erase.error} /> : null}
      </ConfirmDialog>
    </>
  );
}
