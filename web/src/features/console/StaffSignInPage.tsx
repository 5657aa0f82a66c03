import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { ApiProblem, unwrap } from '../../api/problem';
import { useSession, useSessionChanged } from '../../api/session';
import { TextField } from '../../components/Fields';
import { FormProblem } from '../../components/FormProblem';
import { useNavigationNotice } from '../../components/navigationNotice';
import { Page } from '../../components/Page';
import { ErrorNotice, Loading } from '../../components/States';
import { texts } from '../../texts';
import { safeReturnPath } from '../auth/returnPath';
import { CONSOLE_HOME } from './ConsoleLayout';

const t = texts.console.shell.signIn;

/** The console page to go on to after signing in: only a path inside the console. */
function consoleReturnPath(value: string | null): string | undefined {
  const path = safeReturnPath(value);
  return path?.startsWith(`${CONSOLE_HOME}/`) ? path : undefined;
}

/** `/geschaeftsstelle/anmelden`: the office signs in with e-mail and password for a working day. */
export default function StaffSignInPage() {
  const [searchParams] = useSearchParams();
  const returnTo = consoleReturnPath(searchParams.get('weiter')) ?? CONSOLE_HOME;
  const session = useSession();
  const notice = useNavigationNotice();

  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorNotice error={session.error} onRetry={() => void session.refetch()} />;
  // Signed in already: on to the console — unless just signed out (the notice), while the session
  // still shows the office until the sign-out clears it.
  if (session.data.signedIn && session.data.role === 'staff' && !notice) {
    return <Navigate to={returnTo} replace />;
  }

  return (
    <Page title={t.title} lead={t.lead}>
      {notice ? (
        <div className="notice notice-success" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      <StaffSignInForm returnTo={returnTo} />
      <p className="meta">{t.sessionLength}</p>
      <p>
        {t.members} <Link to="/anmelden">{t.membersLink}</Link>
      </p>
    </Page>
  );
}

function StaffSignInForm({ returnTo }: { readonly returnTo: string }) {
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});
  const signIn = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/auth/staff/session', { body: { email: email.trim(), password } })),
    onSuccess: async () => {
      await sessionChanged();
      await navigate(returnTo, { replace: true });
    },
  });
  const problem = signIn.error instanceof ApiProblem ? signIn.error : undefined;
  // Which of the two was wrong is not told (it would confirm an office address to a stranger).
  const refused = problem?.status === 401;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const nowMissing = {
      ...(email.trim() ? {} : { email: t.emailMissing }),
      ...(password ? {} : { password: t.passwordMissing }),
    };
    setMissing(nowMissing);
    if (Object.keys(nowMissing).length > 0) {
      signIn.reset();
      return;
    }
    signIn.mutate();
  }

  return (
    <form noValidate onSubmit={submit} className="console-sign-in">
      {refused ? (
        <div className="notice notice-error" role="alert">
          <p>{t.refused}</p>
        </div>
      ) : (
        <FormProblem error={signIn.error} />
      )}
      <TextField
        label={t.email}
        type="email"
        name="email"
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={missing.email ?? problem?.messageFor('email')}
      />
      <TextField
        label={t.password}
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={missing.password ?? problem?.messageFor('password')}
      />
      <div className="button-row">
        <button
          type="submit"
          className="button button-primary"
          disabled={signIn.isPending || signIn.isSuccess}
        >
          {signIn.isPending || signIn.isSuccess ? t.submitting : t.submit}
        </button>
      </div>
    </form>
  );
}
