import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { SelectField, TextField } from '../../../components/Fields';
import { federalStateName, fullName, sectorName } from '../../../components/memberNames';
import { Page } from '../../../components/Page';
import { useNavigationNotice } from '../../../components/navigationNotice';
import { Empty, ErrorNotice, Loading, Success } from '../../../components/States';
import { MoreResults } from '../../../components/MoreResults';
import { useWorkingGroups, type WorkingGroup } from '../../../components/workingGroups';
import { texts } from '../../../texts';
import { memberWords } from '../../../texts/directory';
import { useMembers, type Member } from './api';
import {
  filtersOfSearch,
  isEmptySearch,
  paramsOfSearch,
  searchFromParams,
  SEARCH_TEXT_MAX_LENGTH,
  type MemberSearch,
} from './memberSearch';

const t = texts.console.members.list;
const MEMBERS_PATH = '/geschaeftsstelle/mitglieder';

/** /geschaeftsstelle/mitglieder: every member, searched and filtered in the address, page by page. */
export default function MembersPage() {
  const [params, setParams] = useSearchParams();
  const search = searchFromParams(params);
  const groups = useWorkingGroups();
  const headingId = useId();
  const [searches, setSearches] = useState(0);
  const notice = useNavigationNotice();
  return (
    <Page title={t.title} lead={t.lead}>
      {notice ? (
        <Success>
          <p>{notice}</p>
        </Success>
      ) : null}
      <p>
        <Link to="/geschaeftsstelle/arbeitsgruppen">{t.groupsLink}</Link>
      </p>
      <section aria-labelledby={headingId}>
        <h2 id={headingId}>{t.searchHeading}</h2>
        <SearchForm
          key={params.toString()}
          initial={search}
          groups={groups.data}
          labelledBy={headingId}
          onSearch={(next) => {
            setSearches((count) => count + 1);
            setParams(paramsOfSearch(next), { preventScrollReset: true });
          }}
        />
      </section>
      <Results search={search} searches={searches} />
    </Page>
  );
}

interface SearchFormProps {
  readonly initial: MemberSearch;
  readonly groups: readonly WorkingGroup[] | undefined;
  readonly labelledBy: string;
  readonly onSearch: (search: MemberSearch) => void;
}

function SearchForm({ initial, groups, labelledBy, onSearch }: SearchFormProps) {
  const [search, setSearch] = useState(initial);
  const set = (key: keyof MemberSearch) => (value: string) => setSearch({ ...search, [key]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(search);
  };
  const knownGroup = groups?.some((group) => group.id === search.workingGroup) ?? false;
  return (
    <form
      role="search"
      aria-labelledby={labelledBy}
      className="filters console-member-filters"
      onSubmit={submit}
    >
      <div className="console-member-search-text">
        <TextField
          label={t.text}
          hint={t.textHint}
          type="search"
          name="suche"
          markOptional={false}
          maxLength={SEARCH_TEXT_MAX_LENGTH}
          value={search.text}
          onChange={(event) => set('text')(event.target.value)}
        />
      </div>
      <SelectField
        label={t.federalState}
        markOptional={false}
        value={search.federalState}
        onChange={(event) => set('federalState')(event.target.value)}
      >
        <option value="">{t.allFederalStates}</option>
        {Object.entries(memberWords.federalStates).map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t.sector}
        markOptional={false}
        value={search.sector}
        onChange={(event) => set('sector')(event.target.value)}
      >
        <option value="">{t.allSectors}</option>
        {Object.entries(memberWords.sectors).map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t.workingGroup}
        markOptional={false}
        value={search.workingGroup}
        onChange={(event) => set('workingGroup')(event.target.value)}
      >
        <option value="">{t.allWorkingGroups}</option>
        {groups?.map((group) => (
          <option key={group.id} value={group.id}>
            {group.name}
          </option>
        ))}
        {search.workingGroup && !knownGroup ? (
          <option value={search.workingGroup}>{search.workingGroup}</option>
        ) : null}
      </SelectField>
      <SelectField
        label={t.theme}
        markOptional={false}
        value={search.theme}
        onChange={(event) => set('theme')(event.target.value)}
      >
        <option value="">{t.allThemes}</option>
        {Object.entries(memberWords.themes).map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t.status}
        markOptional={false}
        value={search.status}
        onChange={(event) => set('status')(event.target.value)}
      >
        <option value="">{t.allStatuses}</option>
        {Object.entries(t.statusOptions).map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </SelectField>
      <div className="button-row console-member-filter-buttons">
        <button type="submit" className="button button-primary">
          {t.submit}
        </button>
        {isEmptySearch(initial) ? null : (
          <Link to={MEMBERS_PATH} className="button button-secondary">
            {t.reset}
          </Link>
        )}
      </div>
    </form>
  );
}

function Results({ search, searches }: { readonly search: MemberSearch; readonly searches: number }) {
  const members = useMembers(filtersOfSearch(search));
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const table = useRef<HTMLTableSectionElement>(null);
  const focusFrom = useRef<number | null>(null);
  const entries: Member[] = members.data?.pages.flatMap((page) => page.items) ?? [];

  const focusedAfter = useRef(0);
  useEffect(() => {
    if (searches === focusedAfter.current || members.isPending) return;
    focusedAfter.current = searches;
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView?.({ block: 'start' });
  }, [searches, members.isPending]);

  useEffect(() => {
    const index = focusFrom.current;
    if (index === null || entries.length <= index) return;
    focusFrom.current = null;
    table.current?.querySelector<HTMLAnchorElement>(`[data-entry-index="${index}"] a`)?.focus();
  }, [entries.length]);

  let content;
  if (members.isPending) {
    content = <Loading label={t.loading} />;
  } else if (members.isError && entries.length === 0) {
    content = <ErrorNotice error={members.error} onRetry={() => void members.refetch()} />;
  } else if (entries.length === 0) {
    content = (
      <Empty>
        <p>{t.empty}</p>
        <p>
          <Link to={MEMBERS_PATH}>{t.reset}</Link>
        </p>
      </Empty>
    );
  } else {
    content = (
      <>
        <table className="console-members-table stack-on-phone">
          <caption className="visually-hidden">{t.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.columns.name}</th>
              <th scope="col">{t.columns.organisation}</th>
              <th scope="col">{t.columns.place}</th>
              <th scope="col">{t.columns.sector}</th>
              <th scope="col">{t.columns.status}</th>
            </tr>
          </thead>
          <tbody ref={table}>
            {entries.map((member, index) => (
              <tr key={member.id} data-entry-index={index}>
                <th scope="row" data-label={t.columns.name}>
                  <Link to={`${MEMBERS_PATH}/${member.id}`}>{fullName(member)}</Link>
                </th>
                <td data-label={t.columns.organisation}>
                  {member.organisation}
                  {member.officeTitle || member.position ? (
                    <>
                      <br />
                      <span className="meta">{member.officeTitle ?? member.position}</span>
                    </>
                  ) : null}
                </td>
                <td data-label={t.columns.place}>
                  {[member.municipality?.name, federalStateName(member.federalState)]
                    .filter(Boolean)
                    .join(', ')}
                </td>
                <td data-label={t.columns.sector}>{sectorName(member.sector)}</td>
                <td data-label={t.columns.status}>
                  <span className={`badge ${member.status === 'active' ? 'badge-success' : 'badge-warning'}`}>
                    {texts.console.members.statuses[member.status]}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <MoreResults
          pages={members}
          label={t.more}
          loadingLabel={t.loadingMore}
          onMore={() => {
            focusFrom.current = entries.length;
          }}
        />
      </>
    );
  }

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1} className="console-members-results-heading">
        {t.resultsHeading}
      </h2>
      <p role="status">
        {members.isSuccess && entries.length > 0
          ? members.hasNextPage
            ? t.countSoFar(entries.length)
            : t.countAll(entries.length)
          : null}
      </p>
      {content}
    </section>
  );
}
