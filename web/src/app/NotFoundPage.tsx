import { Link } from 'react-router';
import { Page } from '../components/Page';
import { texts } from '../texts';

const t = texts.common.notFoundPage;

export function NotFoundPage() {
  return (
    <Page title={t.title}>
      <p>{t.text}</p>
      <ul>
        <li>
          <Link to="/">{t.toStart}</Link>
        </li>
        <li>
          <Link to="/veranstaltungen">{t.toEvents}</Link>
        </li>
      </ul>
    </Page>
  );
}
