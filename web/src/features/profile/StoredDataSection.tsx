import { Fragment } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../format/dates';
import { texts } from '../../texts';
import { memberWords } from '../../texts/directory';
import { useWorkingGroups } from '../../components/workingGroups';
import { workingGroupNames } from '../../components/memberNames';
import type { OwnProfile } from './api';

const t = texts.profile.stored;

/** Everything the member's record holds, as GET /members/me gives it: nothing more, nothing less. */
export function StoredDataSection({ profile }: { readonly profile: OwnProfile }) {
  const groups = useWorkingGroups();
  const orNone = (value: string | undefined) => (value ? value : texts.profile.notSet);
  const list = (values: readonly string[]) => (values.length > 0 ? values.join(', ') : texts.profile.notSet);
  const rows: [string, string][] = [
    [t.salutation, memberWords.salutations[profile.salutation]],
    [t.academicTitle, orNone(profile.academicTitle && memberWords.academicTitles[profile.academicTitle])],
    [t.officeTitle, orNone(profile.officeTitle)],
    [t.firstName, profile.firstName],
    [t.lastName, profile.lastName],
    [t.email, profile.email],
    [t.phone, orNone(profile.phone)],
    [t.organisation, profile.organisation],
    [t.position, orNone(profile.position)],
    [t.sector, memberWords.sectors[profile.sector]],
    [t.federalState, memberWords.federalStates[profile.federalState]],
    [t.municipality, orNone(profile.municipality?.name)],
    ...(profile.municipality
      ? ([
          [t.ags, profile.municipality.ags],
          [t.population, profile.municipality.population.toLocaleString('de-DE')],
        ] as [string, string][])
      : []),
    [t.themes, list(profile.themes.map((theme) => memberWords.themes[theme]))],
    [t.workingGroups, list(workingGroupNames(profile.workingGroups, groups.data))],
    [t.biography, orNone(profile.biography)],
    [t.joinedAt, formatDate(profile.joinedAt)],
    [t.status, t.statuses[profile.status]],
    [t.announcements, profile.announcementsOptOut ? t.announcementsOff : t.announcementsOn],
  ];
  return (
    <>
      <p>{t.intro}</p>
      <div className="card">
        <dl className="facts profile-stored">
          {rows.map(([label, value]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
        </dl>
      </div>
      <p>{t.byOffice}</p>
      <p>
        {t.registrationsBefore}
        <Link to="/meine-anmeldungen">{t.registrationsLink}</Link>
        {t.registrationsAfter}
      </p>
    </>
  );
}
