import { Link } from 'react-router';
import { formatDate, formatTime } from '../../format/dates';
import { texts } from '../../texts';
import type { AgendaSession } from './eventTypes';

const t = texts.events.eventPage.agenda;
const words = texts.events;

/** The sessions of a Deutschlandforum by day, in order of time. */
function byDay(sessions: readonly AgendaSession[]): { day: string; sessions: AgendaSession[] }[] {
  const days: { day: string; sessions: AgendaSession[] }[] = [];
  for (const session of [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const day = formatDate(session.startsAt);
    const last = days.at(-1);
    if (last?.day === day) last.sessions.push(session);
    else days.push({ day, sessions: [session] });
  }
  return days;
}

/** A forum's programme: a heading per day, then each talk, workshop, panel with its speakers. */
export function EventAgenda({
  sessions,
  linkMembers,
}: {
  readonly sessions: readonly AgendaSession[];
  /** Members see the directory entry of a speaker who is a member. */
  readonly linkMembers: boolean;
}) {
  return (
    <section aria-labelledby="programm" className="event-section">
      <h2 id="programm">{t.heading}</h2>
      {sessions.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        byDay(sessions).map(({ day, sessions: ofDay }) => (
          <div key={day} className="agenda-day">
            <h3>{day}</h3>
            <ol className="agenda">
              {ofDay.map((session) => (
                <AgendaItem key={session.sessionId} session={session} linkMembers={linkMembers} />
              ))}
            </ol>
          </div>
        ))
      )}
    </section>
  );
}

function AgendaItem({
  session,
  linkMembers,
}: {
  readonly session: AgendaSession;
  readonly linkMembers: boolean;
}) {
  const details = [
    words.sessionKinds[session.kind],
    session.room ? t.room(session.room) : undefined,
    session.kind === 'workshop' && session.capacity !== undefined
      ? t.workshopCapacity(session.capacity)
      : undefined,
  ].filter(Boolean);
  return (
    <li className="agenda-item">
      <p className="agenda-time">{t.time(formatTime(session.startsAt), formatTime(session.endsAt))}</p>
      <div>
        <h4>{session.title}</h4>
        <p className="meta">{details.join(' · ')}</p>
        {session.abstract ? <p className="agenda-abstract">{session.abstract}</p> : null}
        {session.speakers.length > 0 ? (
          <>
            <p className="agenda-speakers-label">{t.speakers}</p>
            <ul className="agenda-speakers">
              {session.speakers.map((speaker, index) => (
                <li key={speaker.memberId ?? `${speaker.name}-${index}`}>
                  {speaker.kind === 'member' && speaker.memberId && linkMembers ? (
                    <Link to={`/mitglieder/${speaker.memberId}`}>{speaker.name}</Link>
                  ) : (
                    <span className="speaker-name">{speaker.name}</span>
                  )}
                  {speaker.organisation ? <>, {speaker.organisation}</> : null}
                  {speaker.kind === 'external' ? (
                    <span className="badge speaker-badge">{t.external}</span>
                  ) : null}
                  {speaker.bio ? (
                    <details className="speaker-bio">
                      <summary>{t.about(speaker.name)}</summary>
                      <p>{speaker.bio}</p>
                    </details>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </li>
  );
}
