import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { ApiProblem, unwrap } from '../../api/problem';
import { useSessionChanged } from '../../api/session';
import { Page } from '../../components/Page';
import { ErrorNotice } from '../../components/States';
import { texts } from '../../texts';
import { safeReturnPath, signInRequestPath } from './returnPath';

const t = texts.auth.link;

/**
 * A refusal that another try with this link cannot mend: unknown, used or expired (401), membership
 * ended (403), malformed (400/404), or answered otherwise by the rules (409/410/422).
 */
function linkIsSpent(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem && error.status >= 400 && error.status < 500 && error.status !== 429;
}

/**
 * `/anmelden/:token`, the link from the sign-in mail. Opening it changes nothing (mail scanners open
 * links too); only the button redeems the single-use link into this browser's session.
 */
export default function SignInLinkPage() {
  const { token = '' } = useParams();
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnPath(searchParams.get('weiter'));
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const signIn = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/session', { body: { token } })),
    onSuccess: async () => {
      await sessionChanged();
      await navigate(returnTo ?? '/start', { replace: true });
    },
  });

  if (linkIsSpent(signIn.error)) {
    return (
      <Page title={t.failedTitle}>
        <div className="notice notice-error" role="alert">
          <p>{signIn.error.summary}</p>
        </div>
        <p>{t.failedAdvice}</p>
        <div className="button-row">
          <Link className="button button-primary" to={signInRequestPath(returnTo)}>
            {t.requestNew}
          </Link>
          <Link className="button button-secondary" to="/">
            {t.home}
          </Link>
        </div>
      </Page>
    );
  }

  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <p>{t.stay}</p>
      {signIn.error ? <ErrorNotice error={signIn.error} /> : null}
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          onClick={() => signIn.mutate()}
          disabled={signIn.isPending || signIn.isSuccess}
        >
          {signIn.isPending || signIn.isSuccess ? t.submitting : t.submit}
        </button>
      </div>
    </Page>
  );
}
