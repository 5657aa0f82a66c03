import { Link, useLocation, useParams } from 'react-router';
import { ApiProblem } from '../../api/problem';
import { useSession } from '../../api/session';
import { Page } from '../../components/Page';
import { ErrorNotice, Loading } from '../../components/States';
import { texts } from '../../texts';
import { useWorkingGroups } from '../../components/workingGroups';
import { useMember } from './api';
import {
  federalStateName,
  fullName,
  listOrNone,
  municipalityOf,
  roleLine,
  sectorName,
  themeNames,
  workingGroupNames,
} from '../../components/memberNames';

const t = texts.directory.member;

/** Where „Zurück“ leads: the directory with the search the member came from, if they came from it. */
function directoryPath(state: unknown): string {
  const search =
    typeof state === 'object' && state !== null && 'directorySearch' in state ? state.directorySearch : '';
  return typeof search === 'string' && search.startsWith('?') ? `/mitglieder${search}` : '/mitglieder';
}

/** /mitglieder/{id}: one member as another member may see them. */
export default function MemberPage() {
  const { memberId = '' } = useParams();
  const location = useLocation();
  const back = directoryPath(location.state);
  const member = useMember(memberId);
  const groups = useWorkingGroups();
  const session = useSession();
  const backLink = (
    <p>
      <Link to={back}>{t.backToDirectory}</Link>
    </p>
  );

  if (member.isPending) return <Loading label={t.loading} />;
  if (member.isError) {
    const status = member.error instanceof ApiProblem ? member.error.status : 0;
    // 400: the address holds no member id at all; for the person that is the same as an unknown one.
    if (status === 404 || status === 400) {
      return (
        <Page title={t.notFoundTitle}>
          <p>{t.notFoundText}</p>
          {backLink}
        </Page>
      );
    }
    return (
      <Page title={texts.directory.title}>
        <ErrorNotice error={member.error} onRetry={() => void member.refetch()} />
        {backLink}
      </Page>
    );
  }

  const entry = member.data;
  const municipality = municipalityOf(entry);
  const isSelf = session.data?.signedIn === true && session.data.subject === entry.id;
  return (
    <Page title={fullName(entry)} lead={roleLine(entry)}>
      {backLink}
      {isSelf ? (
        <div className="notice">
          <p>{t.yourself}</p>
          <p>
            <Link to="/profil">{t.toProfile}</Link>
          </p>
        </div>
      ) : null}
      <div className="card">
        <dl className="facts">
          {entry.officeTitle ? (
            <>
              <dt>{t.officeTitle}</dt>
              <dd>{entry.officeTitle}</dd>
            </>
          ) : null}
          {entry.position ? (
            <>
              <dt>{t.position}</dt>
              <dd>{entry.position}</dd>
            </>
          ) : null}
          <dt>{t.organisation}</dt>
          <dd>{entry.organisation}</dd>
          {municipality ? (
            <>
              <dt>{t.municipality}</dt>
              <dd>{municipality}</dd>
            </>
          ) : null}
          <dt>{t.federalState}</dt>
          <dd>{federalStateName(entry.federalState)}</dd>
          <dt>{t.sector}</dt>
          <dd>{sectorName(entry.sector)}</dd>
          <dt>{t.themes}</dt>
          <dd>{listOrNone(themeNames(entry.themes))}</dd>
          <dt>{t.workingGroups}</dt>
          <dd>{listOrNone(workingGroupNames(entry.workingGroups, groups.data))}</dd>
        </dl>
      </div>
      <p className="meta">{t.contactNote}</p>
    </Page>
  );
}
