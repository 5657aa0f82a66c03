import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { ApiProblem, unwrap } from '../../api/problem';
import { useSession } from '../../api/session';
import { TextField } from '../../components/Fields';
import { FormProblem } from '../../components/FormProblem';
import { Page } from '../../components/Page';
import { ErrorNotice, Loading } from '../../components/States';
import { texts } from '../../texts';
import { safeReturnPath } from './returnPath';

const t = texts.auth.request;

/** Something like an address: the gateway checks it properly; this only spares an obvious round trip. */
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `/anmelden`: a member asks for a sign-in link by e-mail; `?weiter=` is where the link leads afterwards. */
export default function SignInRequestPage() {
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnPath(searchParams.get('weiter'));
  const session = useSession();
  // The address last sent to; `sent` false again when the person asks for another link.
  const [asked, setAsked] = useState({ email: '', sent: false });

  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorNotice error={session.error} onRetry={() => void session.refetch()} />;
  if (session.data.signedIn) {
    return (
      <Page title={t.alreadySignedIn.title}>
        {session.data.role === 'member' ? (
          <>
            <p>{t.alreadySignedIn.text}</p>
            <p>
              <Link className="button button-primary" to={returnTo ?? '/start'}>
                {returnTo ? t.alreadySignedIn.onward : t.alreadySignedIn.start}
              </Link>
            </p>
          </>
        ) : (
          <>
            <p>{t.alreadySignedIn.staffText}</p>
            <p>
              <Link to="/veranstaltungen">{t.alreadySignedIn.events}</Link>
            </p>
          </>
        )}
      </Page>
    );
  }

  return (
    <Page title={t.title} lead={t.lead}>
      {asked.sent ? (
        <SentConfirmation email={asked.email} onAgain={() => setAsked({ ...asked, sent: false })} />
      ) : (
        <SignInRequestForm
          returnTo={returnTo}
          initialEmail={asked.email}
          onSent={(email) => setAsked({ email, sent: true })}
        />
      )}
      <section aria-labelledby="kein-mitglied" className="sign-in-aside">
        <h2 id="kein-mitglied">{t.notMember.heading}</h2>
        <p>{t.notMember.text}</p>
        <p>
          <Link to="/">{t.notMember.home}</Link>
        </p>
      </section>
    </Page>
  );
}

function SignInRequestForm({
  returnTo,
  initialEmail,
  onSent,
}: {
  readonly returnTo: string | undefined;
  readonly initialEmail: string;
  readonly onSent: (email: string) => void;
}) {
  const [email, setEmail] = useState(initialEmail);
  const [ownError, setOwnError] = useState<string>();
  const request = useMutation({
    mutationFn: (address: string) =>
      unwrap(
        api.POST('/api/v1/auth/sign-in-links', {
          body: { email: address, ...(returnTo ? { returnTo } : {}) },
        }),
      ),
    onSuccess: (_answer, address) => onSent(address),
  });
  const problem = request.error instanceof ApiProblem ? request.error : undefined;
  // A refusal for too many requests concerns the address the person typed: shown beside the field too.
  const emailError =
    ownError ?? problem?.messageFor('email') ?? (problem?.status === 429 ? problem.summary : undefined);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const address = email.trim();
    if (!LOOKS_LIKE_EMAIL.test(address)) {
      request.reset();
      setOwnError(address ? t.emailInvalid : t.emailMissing);
      return;
    }
    setOwnError(undefined);
    request.mutate(address);
  }

  return (
    <form noValidate onSubmit={submit}>
      <p>{t.intro}</p>
      <FormProblem error={request.error} />
      <TextField
        label={t.email}
        hint={t.emailHint}
        type="email"
        name="email"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        required
        // Back from the confirmation to ask again: the field takes the focus the confirmation had.
        autoFocus={initialEmail !== ''}
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={emailError}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={request.isPending}>
          {request.isPending ? t.submitting : t.submit}
        </button>
      </div>
    </form>
  );
}

function SentConfirmation({ email, onAgain }: { readonly email: string; readonly onAgain: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  // The form that had the focus is gone: the confirmation takes it, so that a screen reader reads it.
  useEffect(() => box.current?.focus(), []);
  return (
    <div className="notice notice-success sign-in-sent" role="status" tabIndex={-1} ref={box}>
      <h2>{t.sent.title}</h2>
      <p>{t.sent.text(email)}</p>
      <h3>{t.sent.noMailHeading}</h3>
      <ul>
        {t.sent.noMail.map((advice) => (
          <li key={advice}>{advice}</li>
        ))}
      </ul>
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={onAgain}>
          {t.sent.again}
        </button>
        <Link className="button button-secondary" to="/">
          {t.sent.home}
        </Link>
      </div>
    </div>
  );
}
