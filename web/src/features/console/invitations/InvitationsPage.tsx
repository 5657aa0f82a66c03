import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { TextField } from '../../../components/Fields';
import { Page } from '../../../components/Page';
import { Empty, ErrorNotice, Loading } from '../../../components/States';
import { MoreResults } from '../../../components/MoreResults';
import { formatDateTime } from '../../../format/dates';
import { texts } from '../../../texts';
import { memberWords } from '../../../texts/directory';
import { formatMoment, personName, statusOfSlug } from './invitationWords';
import {
  SEARCH_MAX_LENGTH,
  useInvitationAction,
  useInvitations,
  type Invitation,
  type InvitationStatus,
} from './invitationsApi';
import { ActionNotice } from '../../../components/ActionNotice';

const t = texts.console.invitations;
const LIST_PATH = '/geschaeftsstelle/berufungen';
const NEW_PATH = '/geschaeftsstelle/berufungen/neu';
const STATUSES = Object.keys(t.statuses) as InvitationStatus[];

const BADGE: Record<InvitationStatus, string> = {
  open: 'badge',
  accepted: 'badge badge-success',
  declined: 'badge badge-danger',
  expired: 'badge badge-warning',
  revoked: 'badge badge-danger',
};

interface PendingAction {
  readonly kind: 'resend' | 'revoke';
  readonly invitation: Invitation;
}

/** /geschaeftsstelle/berufungen: the invitations by state, with resend and revoke. */
export default function InvitationsPage() {
  const [params, setParams] = useSearchParams();
  const status = statusOfSlug(params.get('stand'));
  const search = (params.get('suche') ?? '').trim().slice(0, SEARCH_MAX_LENGTH);
  /** The address of the list with a state and this search. */
  const pathWith = (code: InvitationStatus | undefined, text = search) => {
    const next = new URLSearchParams();
    if (code) next.set('stand', t.statusSlugs[code]);
    if (text) next.set('suche', text);
    const query = next.toString();
    return query ? `${LIST_PATH}?${query}` : LIST_PATH;
  };
  const [pending, setPending] = useState<PendingAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const resend = useInvitationAction('resend');
  const revoke = useInvitationAction('revoke');
  const action = pending?.kind === 'revoke' ? revoke : resend;

  const confirm = () => {
    if (!pending) return;
    const name = personName(pending.invitation);
    action.mutate(pending.invitation.id, {
      onSuccess: (changed) => {
        setPending(null);
        setNotice(
          pending.kind === 'resend'
            ? t.list.resent(name, formatDateTime(changed.expiresAt))
            : t.list.revoked(name),
        );
      },
    });
  };

  return (
    <Page title={t.list.title} lead={t.list.lead}>
      <div className="button-row">
        <Link to={NEW_PATH} className="button button-primary">
          {t.list.appoint}
        </Link>
      </div>
      <SearchForm
        key={search}
        initial={search}
        onSearch={(text) => {
          const next = new URLSearchParams(params);
          if (text) next.set('suche', text);
          else next.delete('suche');
          setParams(next);
        }}
      />
      <nav aria-label={t.list.filterLabel}>
        <ul className="segmented invitation-filter">
          <li>
            <Link
              to={pathWith(undefined)}
              className="segmented-link"
              aria-current={status === undefined ? 'page' : undefined}
            >
              {t.list.all}
            </Link>
          </li>
          {STATUSES.map((code) => (
            <li key={code}>
              <Link
                to={pathWith(code)}
                className="segmented-link"
                aria-current={status === code ? 'page' : undefined}
              >
                {t.statuses[code]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <ActionNotice notice={notice} />
      <InvitationList
        key={`${status ?? 'all'}|${search}`}
        status={status}
        search={search}
        allPath={pathWith(undefined, '')}
        onAction={(next) => {
          resend.reset();
          revoke.reset();
          setNotice(null);
          setPending(next);
        }}
      />
      <ConfirmDialog
        open={pending !== null}
        title={pending?.kind === 'revoke' ? t.list.revokeDialog.title : t.list.resendDialog.title}
        confirmLabel={pending?.kind === 'revoke' ? t.list.revokeDialog.confirm : t.list.resendDialog.confirm}
        destructive={pending?.kind === 'revoke'}
        busy={action.isPending}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      >
        {pending ? (
          <>
            <p>
              {pending.kind === 'revoke'
                ? t.list.revokeDialog.text(personName(pending.invitation))
                : t.list.resendDialog.text(personName(pending.invitation), pending.invitation.email)}
            </p>
            {action.isError ? <ErrorNotice error={action.error} /> : null}
          </>
        ) : null}
      </ConfirmDialog>
    </Page>
  );
}

function SearchForm({
  initial,
  onSearch,
}: {
  readonly initial: string;
  readonly onSearch: (text: string) => void;
}) {
  const [text, setText] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form role="search" aria-label={t.list.searchLabel} className="invitation-search" onSubmit={submit}>
      <TextField
        label={t.list.searchLabel}
        hint={t.list.searchHint}
        type="search"
        markOptional={false}
        maxLength={SEARCH_MAX_LENGTH}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <div className="button-row">
        <button type="submit" className="button button-secondary">
          {t.list.search}
        </button>
      </div>
    </form>
  );
}

function InvitationList({
  status,
  search,
  allPath,
  onAction,
}: {
  readonly status: InvitationStatus | undefined;
  readonly search: string;
  /** The whole list: no state, no search. */
  readonly allPath: string;
  readonly onAction: (action: PendingAction) => void;
}) {
  const invitations = useInvitations(status, search);
  const headingId = useId();
  const items = invitations.data?.pages.flatMap((page) => page.items) ?? [];

  let content;
  if (invitations.isPending) {
    content = <Loading label={t.list.loading} />;
  } else if (invitations.isError && items.length === 0) {
    content = <ErrorNotice error={invitations.error} onRetry={() => void invitations.refetch()} />;
  } else if (items.length === 0) {
    content = (
      <Empty>
        {status || search ? (
          <>
            <p>
              {status && !search
                ? t.list.emptyFiltered(t.statuses[status])
                : t.list.emptySearch(search, status ? t.statuses[status] : undefined)}
            </p>
            <p>
              <Link to={allPath}>{t.list.showAll}</Link>
            </p>
          </>
        ) : (
          <>
            <p>{t.list.empty}</p>
            <p>
              <Link to={NEW_PATH}>{t.list.appoint}</Link>
            </p>
          </>
        )}
      </Empty>
    );
  } else {
    content = (
      <>
        <ul className="card-list invitation-list">
          {items.map((invitation) => (
            <InvitationCard key={invitation.id} invitation={invitation} onAction={onAction} />
          ))}
        </ul>
        <MoreResults pages={invitations} label={t.list.more} loadingLabel={t.list.loadingMore} />
      </>
    );
  }

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t.list.resultsHeading(status ? t.statuses[status] : undefined, search)}</h2>
      <p role="status" className="invitation-count">
        {invitations.isSuccess && items.length > 0
          ? invitations.hasNextPage
            ? t.list.countSoFar(items.length)
            : t.list.countAll(items.length)
          : null}
      </p>
      {content}
    </section>
  );
}

function InvitationCard({
  invitation,
  onAction,
}: {
  readonly invitation: Invitation;
  readonly onAction: (action: PendingAction) => void;
}) {
  const name = personName(invitation);
  const actionable = invitation.status === 'open' || invitation.status === 'expired';
  const role = [invitation.officeTitle, invitation.organisation].filter(Boolean).join(', ');
  const place = [
    invitation.municipality?.name,
    memberWords.sectors[invitation.sector],
    texts.common.federalStates[invitation.federalState],
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <li className="card invitation-card">
      <div className="invitation-card-head">
        <h3>{name}</h3>
        <span className={BADGE[invitation.status]}>
          <span className="visually-hidden">{t.list.state}: </span>
          {t.statuses[invitation.status]}
        </span>
      </div>
      {role ? <p className="meta">{role}</p> : null}
      <p className="meta">{place}</p>
      <dl className="facts invitation-card-facts">
        <dt>{t.list.email}</dt>
        <dd>{invitation.email}</dd>
        <dt>{t.list.invitedAt}</dt>
        <dd>{formatMoment(invitation.createdAt)}</dd>
        {invitation.status === 'open' ? (
          <>
            <dt>{t.list.validUntil}</dt>
            <dd>{formatMoment(invitation.expiresAt)}</dd>
          </>
        ) : null}
        {invitation.status === 'expired' ? (
          <>
            <dt>{t.list.expiredAt}</dt>
            <dd>{formatMoment(invitation.expiresAt)}</dd>
          </>
        ) : null}
        {invitation.answeredAt && !actionable ? (
          <>
            <dt>{t.list.answeredAt(t.statuses[invitation.status])}</dt>
            <dd>{formatMoment(invitation.answeredAt)}</dd>
          </>
        ) : null}
        <dt>{t.list.sent}</dt>
        <dd>{t.list.sentTimes(invitation.sentCount)}</dd>
      </dl>
      {actionable ? (
        <div className="button-row" role="group" aria-label={t.list.actionsFor(name)}>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => onAction({ kind: 'resend', invitation })}
          >
            {t.list.resend}
          </button>
          <button
            type="button"
            className="button button-danger"
            onClick={() => onAction({ kind: 'revoke', invitation })}
          >
            {t.list.revoke}
          </button>
        </div>
      ) : null}
    </li>
  );
}
