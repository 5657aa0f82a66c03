import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiProblem } from '../../../api/problem';
import { Page } from '../../../components/Page';
import { ErrorNotice, Success } from '../../../components/States';
import { formatDateTime } from '../../../format/dates';
import { texts } from '../../../texts';
import { InvitationForm } from './InvitationForm';
import { EMPTY_VALUES, previewRequestOf, requestOf, type InvitationValues } from './invitationForm';
import { personName } from './invitationWords';
import {
  useInvite,
  usePreviewMail,
  type Invitation,
  type InviteRequest,
  type MailPreview,
} from './invitationsApi';

const t = texts.console.invitations;
const LIST_PATH = '/geschaeftsstelle/berufungen';

type Step =
  | { readonly kind: 'form'; readonly problem?: unknown }
  | { readonly kind: 'preview'; readonly request: InviteRequest; readonly preview: MailPreview }
  | { readonly kind: 'sent'; readonly invitation: Invitation };

/** /geschaeftsstelle/berufungen/neu: the office appoints a person, reads the mail, then sends it. */
export default function NewInvitationPage() {
  const [values, setValues] = useState<InvitationValues>(EMPTY_VALUES);
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const previewMail = usePreviewMail();
  const invite = useInvite();

  const toPreview = (formValues: InvitationValues) => {
    const request = requestOf(formValues);
    setStep({ kind: 'form' });
    previewMail.mutate(previewRequestOf(request), {
      onSuccess: (preview) => setStep({ kind: 'preview', request, preview }),
      onError: (problem) => setStep({ kind: 'form', problem }),
    });
  };

  const send = (request: InviteRequest) => {
    invite.mutate(request, {
      onSuccess: (invitation) => setStep({ kind: 'sent', invitation }),
      onError: (problem) => {
        // A refusal of the data (a field, the address already invited) goes back to the form;
        // a failure of the service stays with the preview to try again.
        if (problem instanceof ApiProblem && problem.status < 500) setStep({ kind: 'form', problem });
      },
    });
  };

  const again = () => {
    setValues(EMPTY_VALUES);
    invite.reset();
    previewMail.reset();
    setStep({ kind: 'form' });
  };

  return (
    <Page title={t.form.title} lead={t.form.lead}>
      <p>
        <Link to={LIST_PATH}>{t.form.toList}</Link>
      </p>
      {step.kind === 'form' ? (
        <InvitationForm
          values={values}
          onChange={setValues}
          onSubmit={toPreview}
          problem={step.problem}
          busy={previewMail.isPending}
        />
      ) : null}
      {step.kind === 'preview' ? (
        <MailPreviewStep
          request={step.request}
          preview={step.preview}
          sending={invite.isPending}
          failure={invite.isError ? invite.error : undefined}
          onSend={() => send(step.request)}
          onEdit={() => {
            invite.reset();
            setStep({ kind: 'form' });
          }}
        />
      ) : null}
      {step.kind === 'sent' ? <SentStep invitation={step.invitation} onAgain={again} /> : null}
    </Page>
  );
}

function useFocusOnShow<T extends HTMLElement>() {
  const element = useRef<T>(null);
  useEffect(() => {
    element.current?.focus();
    element.current?.scrollIntoView?.({ block: 'start' });
  }, []);
  return element;
}

function MailPreviewStep({
  request,
  preview,
  sending,
  failure,
  onSend,
  onEdit,
}: {
  readonly request: InviteRequest;
  readonly preview: MailPreview;
  readonly sending: boolean;
  readonly failure: unknown;
  readonly onSend: () => void;
  readonly onEdit: () => void;
}) {
  const headingId = useId();
  const heading = useFocusOnShow<HTMLHeadingElement>();
  return (
    <section aria-labelledby={headingId} className="invitation-preview">
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t.preview.heading}
      </h2>
      <p>{t.preview.intro}</p>
      <dl className="facts">
        <dt>{t.preview.to}</dt>
        <dd>
          {personName(request)} &lt;{request.email}&gt;
        </dd>
        <dt>{t.preview.subject}</dt>
        <dd>{preview.subject}</dd>
      </dl>
      <figure className="invitation-mail">
        <figcaption>{t.preview.mailText}</figcaption>
        <div className="invitation-mail-text">{preview.text}</div>
      </figure>
      {failure ? <ErrorNotice error={failure} onRetry={onSend} /> : null}
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={sending} onClick={onSend}>
          {sending ? t.preview.sending : t.preview.send}
        </button>
        <button type="button" className="button button-secondary" disabled={sending} onClick={onEdit}>
          {t.preview.edit}
        </button>
      </div>
    </section>
  );
}

function SentStep({
  invitation,
  onAgain,
}: {
  readonly invitation: Invitation;
  readonly onAgain: () => void;
}) {
  const heading = useFocusOnShow<HTMLHeadingElement>();
  return (
    <Success>
      <h2 ref={heading} tabIndex={-1}>
        {t.sent.heading}
      </h2>
      <p>{t.sent.text(personName(invitation), invitation.email, formatDateTime(invitation.expiresAt))}</p>
      <div className="button-row">
        <Link to={LIST_PATH} className="button button-primary">
          {t.sent.toList}
        </Link>
        <button type="button" className="button button-secondary" onClick={onAgain}>
          {t.sent.another}
        </button>
      </div>
    </Success>
  );
}
