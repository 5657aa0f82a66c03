import { formatPeriod } from '../../format/dates';
import { texts } from '../../texts';
import type { ClubEvent, CircleModule } from './eventTypes';
import { targetGroupWords } from './eventWords';

const t = texts.events.eventPage.circle;
const words = texts.events;

type Circle = NonNullable<ClubEvent['circle']>;

export function moduleDate(module: CircleModule): string {
  if (module.startsAt && module.endsAt) return formatPeriod(module.startsAt, module.endsAt);
  return module.dateNote ? t.undatedWithNote(module.dateNote) : t.undated;
}

/** A Kommunalzirkel's modules in order, each with its date („Termin folgt“ while open), place and guiding questions. */
export function CircleModules({ modules }: { readonly modules: Circle['modules'] }) {
  return (
    <section aria-labelledby="module" className="event-section">
      <h2 id="module">{t.modulesHeading}</h2>
      <ol className="modules">
        {modules.map((module) => (
          <li key={module.moduleId} className="module">
            <h3>{module.title}</h3>
            <p className={module.startsAt ? 'module-date' : 'module-date module-date-open'}>
              {moduleDate(module)}
            </p>
            {module.place ? <p className="meta">{t.place(module.place)}</p> : null}
            {module.guidingQuestions.length > 0 ? (
              <>
                <h4>{t.guidingQuestions}</h4>
                <ul>
                  {module.guidingQuestions.map((question) => (
                    <li key={question}>{question}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Who may take part, how a municipality sends its delegation, and what it costs. */
export function CircleParticipation({
  event,
  circle,
}: {
  readonly event: ClubEvent;
  readonly circle: Circle;
}) {
  const roles = circle.delegation.suggestedRoles.map((role) => words.delegationRoles[role]);
  return (
    <section aria-labelledby="teilnahme" className="event-section">
      <h2 id="teilnahme">{t.participationHeading}</h2>
      <dl className="facts">
        {event.targetGroup ? (
          <>
            <dt>{t.targetGroup}</dt>
            <dd>{targetGroupWords(event.targetGroup)}</dd>
          </>
        ) : null}
        <dt>{t.delegation}</dt>
        <dd>
          {t.delegationRule(circle.delegation.maxPeople)}
          {roles.length > 0 ? <> {t.suggestedRoles(words.list(roles))}</> : null}
        </dd>
        <dt>{t.fee}</dt>
        <dd>
          {circle.feeCents === 0 ? t.free : t.feeAmount(circle.feeCents)}
          {circle.feeNote ? <> – {circle.feeNote}</> : null}
        </dd>
      </dl>
    </section>
  );
}
