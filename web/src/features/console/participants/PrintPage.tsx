import { useId } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Page } from '../../../components/Page';
import { Empty, ErrorNotice, Loading } from '../../../components/States';
import { formatShortDate } from '../../../format/dates';
import { texts } from '../../../texts';
import { useAllParticipants, useConsoleEvent, type ConsoleEvent } from './api';
import { EventProblem } from './EventProblem';
import { eventLead, participantsPath } from './paths';
import { peopleByName, type Person } from './people';

const t = texts.console.participants;

/** Name badges per A4 sheet: two columns, four rows. */
export const BADGES_PER_SHEET = 8;

type PrintKind = 'liste' | 'namensschilder';

/**
 * /geschaeftsstelle/veranstaltungen/:eventId/teilnehmende/druck: the door list (with a column to
 * sign) or the name badges of everyone with a confirmed place, printed by the browser (print CSS:
 * without the console's frame, A4, a page per badge sheet). `?art=namensschilder` keeps the choice.
 */
export default function PrintPage() {
  const { eventId = '' } = useParams();
  const event = useConsoleEvent(eventId);
  if (event.isPending) return <Loading label={t.loading} />;
  if (event.isError) return <EventProblem error={event.error} onRetry={() => void event.refetch()} />;
  return <Print event={event.data} />;
}

function Print({ event }: { readonly event: ConsoleEvent }) {
  const [params, setParams] = useSearchParams();
  const kind: PrintKind = params.get('art') === 'namensschilder' ? 'namensschilder' : 'liste';
  const draft = event.status === 'draft';
  const confirmed = useAllParticipants(event.eventId, { status: 'confirmed' }, !draft);
  const chooseId = useId();
  const people = confirmed.data ? peopleByName(confirmed.data) : [];

  let content;
  if (draft) content = <p className="notice notice-warning">{t.draft}</p>;
  else if (confirmed.isPending) content = <Loading label={t.print.loading} />;
  else if (confirmed.isError)
    content = <ErrorNotice error={confirmed.error} onRetry={() => void confirmed.refetch()} />;
  else if (people.length === 0)
    content = (
      <Empty>
        <p>{t.print.empty}</p>
      </Empty>
    );
  else content = kind === 'liste' ? <DoorList event={event} people={people} /> : <Badges people={people} />;

  return (
    <Page
      title={kind === 'liste' ? t.print.titleList(event.title) : t.print.titleBadges(event.title)}
      lead={eventLead(event)}
    >
      <div className="print-controls">
        <p>
          <Link to={participantsPath(event.eventId)}>{t.print.backToList}</Link>
        </p>
        <fieldset className="print-choice">
          <legend id={chooseId}>{t.print.choose}</legend>
          {(['liste', 'namensschilder'] as const).map((value) => (
            <div className="field field-checkbox" key={value}>
              <input
                type="radio"
                id={`${chooseId}-${value}`}
                name="art"
                value={value}
                checked={kind === value}
                onChange={() => setParams(value === 'liste' ? {} : { art: value }, { replace: true })}
              />
              <label htmlFor={`${chooseId}-${value}`}>
                {value === 'liste' ? t.print.list : t.print.badges}
              </label>
            </div>
          ))}
        </fieldset>
        {people.length > 0 ? (
          <>
            <div className="button-row">
              <button type="button" className="button button-primary" onClick={() => window.print()}>
                {t.print.print}
              </button>
            </div>
            <p className="meta">{t.print.printHint}</p>
          </>
        ) : null}
      </div>
      {content}
    </Page>
  );
}

function DoorList({ event, people }: { readonly event: ConsoleEvent; readonly people: readonly Person[] }) {
  return (
    <div className="print-list">
      <p className="meta">{t.print.summary(people.length)}</p>
      <table className="print-table">
        <caption>
          {t.print.listCaption(event.title, event.startsAt ? formatShortDate(event.startsAt) : '')}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="print-number">
              {t.print.columns.number}
            </th>
            <th scope="col">{t.print.columns.name}</th>
            <th scope="col">{t.print.columns.office}</th>
            <th scope="col">{t.print.columns.organisation}</th>
            <th scope="col" className="print-signature">
              {t.print.columns.signature}
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((person, index) => (
            <tr key={person.key}>
              <td className="print-number">{index + 1}</td>
              <th scope="row">{person.name}</th>
              <td>{person.office}</td>
              <td>{person.organisation}</td>
              <td className="print-signature" />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Badges({ people }: { readonly people: readonly Person[] }) {
  const sheets: Person[][] = [];
  for (let index = 0; index < people.length; index += BADGES_PER_SHEET) {
    sheets.push(people.slice(index, index + BADGES_PER_SHEET));
  }
  return (
    <div className="print-badges">
      <p className="meta">{t.print.summary(people.length)}</p>
      {sheets.map((sheet, index) => (
        <section key={index} className="badge-sheet" aria-label={t.print.sheet(index + 1, sheets.length)}>
          {sheet.map((person) => (
            <div key={person.key} className="name-badge">
              <p className="name-badge-club">{texts.common.appName}</p>
              <p className="name-badge-name">{person.name}</p>
              {person.office ? <p className="name-badge-office">{person.office}</p> : null}
              {person.municipality || person.organisation ? (
                <p className="name-badge-place">{person.municipality ?? person.organisation}</p>
              ) : null}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
