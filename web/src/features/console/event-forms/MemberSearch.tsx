import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { ErrorNotice } from '../../../components/States';
import { texts } from '../../../texts';
import { searchMembers } from './eventFormsApi';

const t = texts.console.eventForms.sessions;

export interface FoundMember {
  readonly memberId: string;
  readonly name: string;
  readonly organisation: string;
}

type Search =
  | { readonly state: 'idle' }
  | { readonly state: 'searching' }
  | { readonly state: 'found'; readonly q: string; readonly members: readonly FoundMember[] }
  | { readonly state: 'failed'; readonly error: unknown };

/**
 * Finds a member of the club to name as a speaker: a search field (Enter searches here, it does not
 * send the event's form) and the matches as buttons; the count is announced when they arrive.
 */
export function MemberSearch({
  chosen,
  onPick,
}: {
  readonly chosen: ReadonlySet<string>;
  readonly onPick: (member: FoundMember) => void;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState('');
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  const run = async () => {
    const text = q.trim();
    if (!text) return;
    setSearch({ state: 'searching' });
    try {
      setSearch({ state: 'found', q: text, members: await searchMembers(text) });
    } catch (error) {
      setSearch({ state: 'failed', error });
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void run();
  };
  return (
    <div className="event-form-member-search">
      <label className="field-label" htmlFor={id}>
        {t.search}
      </label>
      <p className="field-hint" id={`${id}-hint`}>
        {t.searchHint}
      </p>
      <div className="event-form-search-row">
        <input
          ref={input}
          id={id}
          type="search"
          value={q}
          autoComplete="off"
          aria-describedby={`${id}-hint`}
          onChange={(event) => setQ(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="button button-secondary" onClick={() => void run()}>
          {t.searchButton}
        </button>
      </div>
      <div role="status" className="event-form-search-status">
        {search.state === 'searching' ? t.searching : null}
        {search.state === 'found'
          ? search.members.length === 0
            ? t.searchNone(search.q)
            : t.searchResults(search.members.length)
          : null}
      </div>
      {search.state === 'failed' ? <ErrorNotice error={search.error} /> : null}
      {search.state === 'found' && search.members.length > 0 ? (
        <ul className="event-form-search-results">
          {search.members.map((member) => (
            <li key={member.memberId}>
              {chosen.has(member.memberId) ? (
                <span>
                  {member.name}, {member.organisation} ({t.alreadyAdded})
                </span>
              ) : (
                <button
                  type="button"
                  className="button button-link"
                  onClick={() => {
                    onPick(member);
                    setSearch({ state: 'idle' });
                    setQ('');
                    // The chosen button goes; the focus stays in the search for the next one.
                    input.current?.focus();
                  }}
                >
                  {t.addMember(`${member.name}, ${member.organisation}`)}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
