import { useMutation, useQuery, type UseMutationResult } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import type { components } from '../../api/openapi';
import { ApiProblem, unwrap } from '../../api/problem';
import { useSessionChanged } from '../../api/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextAreaField } from '../../components/Fields';
import { FormProblem } from '../../components/FormProblem';
import { Page } from '../../components/Page';
import { ErrorNotice, Loading } from '../../components/States';
import { formatDateTime } from '../../format/dates';
import { texts } from '../../texts';

type InvitationPreview = components['schemas']['InvitationPreviewResponse'];

const t = texts.auth.invitation;
const REASON_MAX_LENGTH = 2000;

/**
 * `/einladung/:token`, the link from the invitation mail: the person sees the invitation and
 * accepts it (signed in at once, on to the member start page) or declines it, with an optional reason.
 */
export default function InvitationPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const [declined, setDeclined] = useState(false);
  // Accepted: on the way to the start page, signed in; the invitation is not asked for again.
  const [signingIn, setSigningIn] = useState(false);
  const preview = useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: () => unwrap(api.GET('/api/v1/invitations/by-token/{token}', { params: { path: { token } } })),
    enabled: !signingIn,
  });
  const accept = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/invitations/accept', { body: { token, signIn: true } })),
    onSuccess: async () => {
      setSigningIn(true);
      await sessionChanged();
      await navigate('/start', { replace: true, state: { notice: texts.home.start.welcomeNotice } });
    },
  });

  if (declined) {
    return (
      <Page title={t.declined.title}>
        <p>{t.declined.text}</p>
        <p>{t.declined.later}</p>
        <Onward />
      </Page>
    );
  }
  if (signingIn) return <Loading label={t.accept.signingIn} />;
  if (preview.isPending) return <Loading label={t.loading} />;
  if (preview.isError) {
    const unknown =
      preview.error instanceof ApiProblem && (preview.error.status === 404 || preview.error.status === 400);
    return (
      <Page title={unknown ? t.notFound.title : t.title}>
        {unknown ? (
          <p>{t.notFound.text}</p>
        ) : (
          <ErrorNotice error={preview.error} onRetry={() => void preview.refetch()} />
        )}
        <Onward />
      </Page>
    );
  }
  const invitation = preview.data;
  if (invitation.status !== 'open') return <ClosedInvitation invitation={invitation} />;
  return (
    <OpenInvitation
      invitation={invitation}
      token={token}
      accept={accept}
      onDeclined={() => setDeclined(true)}
    />
  );
}

function ClosedInvitation({ invitation }: { readonly invitation: InvitationPreview }) {
  const closed = t.closed;
  switch (invitation.status) {
    case 'accepted':
      return (
        <Page title={closed.accepted.title}>
          <p>{closed.accepted.text}</p>
          <Onward signInFirst />
        </Page>
      );
    case 'expired':
      return (
        <Page title={closed.expired.title}>
          <p>{closed.expired.text(formatDateTime(invitation.expiresAt))}</p>
          <Onward />
        </Page>
      );
    case 'declined':
    case 'revoked':
    default: {
      const text = invitation.status === 'declined' ? closed.declined : closed.revoked;
      return (
        <Page title={text.title}>
          <p>{text.text}</p>
          <Onward />
        </Page>
      );
    }
  }
}

/** No dead end: on to the club's front page and to signing in. */
function Onward({ signInFirst = false }: { readonly signInFirst?: boolean }) {
  const signIn = (
    <Link key="anmelden" className="button button-primary" to="/anmelden">
      {t.signIn}
    </Link>
  );
  const home = (
    <Link key="start" className={`button ${signInFirst ? 'button-secondary' : 'button-primary'}`} to="/">
      {t.home}
    </Link>
  );
  return <div className="button-row">{signInFirst ? [signIn, home] : [home]}</div>;
}

function OpenInvitation({
  invitation,
  token,
  accept,
  onDeclined,
}: {
  readonly invitation: InvitationPreview;
  readonly token: string;
  readonly accept: Pick<
    UseMutationResult<unknown, Error, void>,
    'mutate' | 'error' | 'isPending' | 'isSuccess'
  >;
  readonly onDeclined: () => void;
}) {
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const decline = useMutation({
    mutationFn: () => {
      const trimmed = reason.trim();
      return unwrap(
        api.POST('/api/v1/invitations/decline', { body: { token, ...(trimmed ? { reason: trimmed } : {}) } }),
      );
    },
    onSuccess: onDeclined,
    onSettled: () => setConfirming(false),
  });
  const declineProblem = decline.error instanceof ApiProblem ? decline.error : undefined;
  const name = [invitation.academicTitle, invitation.firstName, invitation.lastName]
    .filter(Boolean)
    .join(' ');

  function askToDecline(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    decline.reset();
    setConfirming(true);
  }

  return (
    <Page title={t.title}>
      {/* The salutation of the invitation mail (office, title, name), from the gateway. */}
      <p>{invitation.greeting}</p>
      <p>{t.invitationText}</p>
      <dl className="facts invitation-facts">
        <dt>{t.facts.invites}</dt>
        <dd>{t.facts.inviter}</dd>
        <dt>{t.facts.invited}</dt>
        <dd>
          {name}
          {invitation.officeTitle ? `, ${invitation.officeTitle}` : ''}
        </dd>
        <dt>{t.facts.organisation}</dt>
        <dd>{invitation.organisation}</dd>
        <dt>{t.facts.validUntil}</dt>
        <dd>{formatDateTime(invitation.expiresAt)}</dd>
      </dl>
      {invitation.personalMessage ? (
        <section aria-labelledby="nachricht">
          <h2 id="nachricht">{t.messageHeading}</h2>
          <blockquote className="invitation-message">{invitation.personalMessage}</blockquote>
        </section>
      ) : null}

      <section aria-labelledby="zusagen" className="card invitation-answer">
        <h2 id="zusagen">{t.accept.heading}</h2>
        <p>{t.accept.text}</p>
        <FormProblem error={accept.error} />
        <div className="button-row">
          <button
            type="button"
            className="button button-primary"
            onClick={() => accept.mutate()}
            disabled={accept.isPending || accept.isSuccess || decline.isPending}
          >
            {accept.isPending || accept.isSuccess ? t.accept.submitting : t.accept.submit}
          </button>
        </div>
      </section>

      <section aria-labelledby="absagen" className="card invitation-answer">
        <h2 id="absagen">{t.decline.heading}</h2>
        <form noValidate onSubmit={askToDecline} aria-labelledby="absagen">
          <p>{t.decline.text}</p>
          <FormProblem error={decline.error} />
          <TextAreaField
            label={t.decline.reason}
            hint={t.decline.reasonHint}
            name="reason"
            maxLength={REASON_MAX_LENGTH}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={declineProblem?.messageFor('reason')}
          />
          <div className="button-row">
            <button
              type="submit"
              className="button button-secondary"
              disabled={decline.isPending || accept.isPending || accept.isSuccess}
            >
              {t.decline.submit}
            </button>
          </div>
        </form>
      </section>

      <ConfirmDialog
        open={confirming}
        title={t.decline.confirmTitle}
        confirmLabel={decline.isPending ? t.decline.confirming : t.decline.confirm}
        busy={decline.isPending}
        onConfirm={() => decline.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t.decline.confirmText}</p>
      </ConfirmDialog>
    </Page>
  );
}
