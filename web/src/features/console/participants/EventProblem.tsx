import { Link } from 'react-router';
import { ApiProblem } from '../../../api/problem';
import { Page } from '../../../components/Page';
import { ErrorNotice } from '../../../components/States';
import { texts } from '../../../texts';

const t = texts.console.participants;

/** The event could not be read: gone (with the way back to the list), or a failure to try again. */
export function EventProblem({ error, onRetry }: { readonly error: unknown; readonly onRetry: () => void }) {
  if (error instanceof ApiProblem && error.status === 404) {
    return (
      <Page title={t.notFound.title}>
        <p>{t.notFound.text}</p>
        <p>
          <Link to="/geschaeftsstelle/veranstaltungen">{t.toEvents}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t.titleLoading}>
      <ErrorNotice error={error} onRetry={onRetry} />
      <p>
        <Link to="/geschaeftsstelle/veranstaltungen">{t.toEvents}</Link>
      </p>
    </Page>
  );
}
