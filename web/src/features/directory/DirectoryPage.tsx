import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { SelectField, TextField } from '../../components/Fields';
import { Page } from '../../components/Page';
import { Empty, ErrorNotice, Loading } from '../../components/States';
import { MoreResults } from '../../components/MoreResults';
import { texts } from '../../texts';
import { memberWords } from '../../texts/directory';
import { useWorkingGroups, type WorkingGroup } from '../../components/workingGroups';
import { useDirectory, type DirectoryEntry } from './api';
import {
  filtersOfSearch,
  isEmptySearch,
  paramsOfSearch,
  searchFromParams,
  SEARCH_TEXT_MAX_LENGTH,
  type DirectorySearch,
} from './directorySearch';
import { MemberCard } from './MemberCard';

const t = texts.directory;

/** /mitglieder: the directory with search and filters kept in the address, page by page. */
export default function DirectoryPage() {
  const [params, setParams] = useSearchParams();
  const search = searchFromParams(params);
  const groups = useWorkingGroups();
  const headingId = useId();
  /** How often „Suchen“ was pressed: after each, the results take the focus (on a phone, below the form). */
  const [searches, setSearches] = useState(0);
  return (
    <Page title={t.title} lead={t.lead}>
      <section aria-labelledby={headingId}>
        <h2 id={headingId}>{t.search.heading}</h2>
        <SearchForm
          // A new address (back button, reset) starts the form again from what it says.
          key={params.toString()}
          initial={search}
          groups={groups.data}
          labelledBy={headingId}
          onSearch={(next) => {
            setSearches((count) => count + 1);
            // The results take the focus and scroll to the top themselves; the layout's scroll reset must not undo it.
            setParams(paramsOfSearch(next), { preventScrollReset: true });
          }}
        />
      </section>
      <Results search={search} groups={groups.data} searches={searches} />
    </Page>
  );
}

interface SearchFormProps {
  readonly initial: DirectorySearch;
  readonly groups: readonly WorkingGroup[] | undefined;
  readonly labelledBy: string;
  readonly onSearch: (search: DirectorySearch) => void;
}

function SearchForm({ initial, groups, labelledBy, onSearch }: SearchFormProps) {
  const [search, setSearch] = useState(initial);
  const set = (key: keyof DirectorySearch) => (value: string) => setSearch({ ...search, [key]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(search);
  };
  const knownGroup = groups?.some((group) => group.id === search.workingGroup) ?? false;
  return (
    <form role="search" aria-labelledby={labelledBy} className="filters directory-filters" onSubmit={submit}>
      <div className="directory-search-text">
        <TextField
          label={t.search.label}
          hint={t.search.hint}
          type="search"
          name="suche"
          markOptional={false}
          maxLength={SEARCH_TEXT_MAX_LENGTH}
          value={search.text}
          onChange={(event) => set('text')(event.target.value)}
        />
      </div>
      <SelectField
        label={t.search.federalState}
        markOptional={false}
        value={search.federalState}
        onChange={(event) => set('federalState')(event.target.value)}
      >
        <option value="">{t.search.allFederalStates}</option>
        {Object.entries(memberWords.federalStates).map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t.search.sector}
        markOptional={false}
        value={search.sector}
        onChange={(event) => set('sector')(event.target.value)}
      >
        <option value="">{t.search.allSectors}</option>
        {Object.entries(memberWords.sectors).map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t.search.workingGroup}
        markOptional={false}
        value={search.workingGroup}
        onChange={(event) => set('workingGroup')(event.target.value)}
      >
        <option value="">{t.search.allWorkingGroups}</option>
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
        label={t.search.theme}
        markOptional={false}
        value={search.theme}
        onChange={(event) => set('theme')(event.target.value)}
      >
        <option value="">{t.search.allThemes}</option>
        {Object.entries(memberWords.themes).map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </SelectField>
      <div className="button-row directory-filter-buttons">
        <button type="submit" className="button button-primary">
          {t.search.submit}
        </button>
        {isEmptySearch(initial) ? null : (
          <Link to="/mitglieder" className="button button-secondary">
            {t.search.reset}
          </Link>
        )}
      </div>
    </form>
  );
}

function Results({
  search,
  groups,
  searches,
}: {
  readonly search: DirectorySearch;
  readonly groups: readonly WorkingGroup[] | undefined;
  readonly searches: number;
}) {
  const directory = useDirectory(filtersOfSearch(search));
  const location = useLocation();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLUListElement>(null);
  /** The index of the first entry of a page asked for with „Weitere anzeigen“: it gets the focus. */
  const focusFrom = useRef<number | null>(null);
  const entries: DirectoryEntry[] = directory.data?.pages.flatMap((page) => page.items) ?? [];

  const focusedAfter = useRef(0);
  useEffect(() => {
    if (searches === focusedAfter.current || directory.isPending) return;
    focusedAfter.current = searches;
    heading.current?.focus({ preventScroll: true });
    // To the top of the screen, not just into it: on a phone the cards then follow the heading.
    heading.current?.scrollIntoView?.({ block: 'start' });
  }, [searches, directory.isPending]);

  useEffect(() => {
    const index = focusFrom.current;
    if (index === null || entries.length <= index) return;
    focusFrom.current = null;
    list.current?.querySelector<HTMLAnchorElement>(`[data-entry-index="${index}"] a`)?.focus();
  }, [entries.length]);

  let content;
  if (directory.isPending) {
    content = <Loading label={t.results.loading} />;
  } else if (directory.isError && entries.length === 0) {
    content = <ErrorNotice error={directory.error} onRetry={() => void directory.refetch()} />;
  } else if (entries.length === 0) {
    content = (
      <Empty>
        <p>{t.results.empty}</p>
        <p>
          <Link to="/mitglieder">{t.search.reset}</Link>
        </p>
      </Empty>
    );
  } else {
    content = (
      <>
        <ul className="card-list" ref={list}>
          {entries.map((entry, index) => (
            <MemberCard
              key={entry.id}
              entry={entry}
              index={index}
              groups={groups}
              directorySearch={location.search}
            />
          ))}
        </ul>
        <MoreResults
          pages={directory}
          label={t.results.more}
          loadingLabel={t.results.loadingMore}
          onMore={() => {
            focusFrom.current = entries.length;
          }}
        />
      </>
    );
  }

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1} className="directory-results-heading">
        {t.results.heading}
      </h2>
      <p role="status" className="directory-count">
        {directory.isSuccess && entries.length > 0
          ? directory.hasNextPage
            ? t.results.countSoFar(entries.length)
            : t.results.countAll(entries.length)
          : null}
      </p>
      {content}
    </section>
  );
}
