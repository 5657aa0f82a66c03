import { Link } from 'react-router';
import { texts } from '../../texts';
import type { WorkingGroup } from '../../components/workingGroups';
import type { DirectoryEntry } from './api';
import {
  federalStateName,
  fullName,
  municipalityOf,
  roleLine,
  sectorName,
  themeNames,
  workingGroupNames,
} from '../../components/memberNames';

const t = texts.directory.entry;

interface MemberCardProps {
  readonly entry: DirectoryEntry;
  /** Its place in the list, so that the page can focus the first of a newly loaded page. */
  readonly index: number;
  readonly groups: readonly WorkingGroup[] | undefined;
  /** The directory's query (`?suche=…`), for the member page's way back. */
  readonly directorySearch: string;
}

/** One member in the directory: what another member may see, and the way to their page. */
export function MemberCard({ entry, index, groups, directorySearch }: MemberCardProps) {
  const role = roleLine(entry);
  const municipality = municipalityOf(entry);
  const themes = themeNames(entry.themes);
  const workingGroups = workingGroupNames(entry.workingGroups, groups);
  return (
    <li className="card member-card" data-entry-index={index}>
      <h3>
        <Link to={`/mitglieder/${entry.id}`} state={{ directorySearch }}>
          {fullName(entry)}
        </Link>
      </h3>
      {role ? <p className="meta">{role}</p> : null}
      <dl className="member-card-facts">
        {municipality ? (
          <div>
            <dt>{t.municipality}</dt>
            <dd>{municipality}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t.federalState}</dt>
          <dd>{federalStateName(entry.federalState)}</dd>
        </div>
        <div>
          <dt>{t.sector}</dt>
          <dd>{sectorName(entry.sector)}</dd>
        </div>
        {themes.length > 0 ? (
          <div>
            <dt>{t.themes}</dt>
            <dd>{themes.join(', ')}</dd>
          </div>
        ) : null}
        {workingGroups.length > 0 ? (
          <div>
            <dt>{t.workingGroups}</dt>
            <dd>{workingGroups.join(', ')}</dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}
