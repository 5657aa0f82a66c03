import { useId } from 'react';
import { formatPeriod } from '../../format/dates';
import { texts } from '../../texts';
import type { EventDetail, EventSeats } from './registrationApi';

const t = texts.registrations.workshops;

type AgendaSession = NonNullable<EventDetail['forum']>['sessions'][number];

/** Workshops starting at the same moment run in parallel: one choice per slot, as the API takes them. */
export interface WorkshopSlot {
  /** The start instant in milliseconds, as a string: the slot's key in the choice. */
  readonly key: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly workshops: readonly AgendaSession[];
}

export function workshopSlotsOf(event: EventDetail): WorkshopSlot[] {
  const workshops = (event.forum?.sessions ?? [])
    .filter((session) => session.kind === 'workshop')
    .sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime());
  const slots = new Map<string, AgendaSession[]>();
  for (const workshop of workshops) {
    const key = String(new Date(workshop.startsAt).getTime());
    slots.set(key, [...(slots.get(key) ?? []), workshop]);
  }
  return [...slots].map(([key, parallel]) => ({
    key,
    startsAt: parallel[0].startsAt,
    endsAt: parallel.reduce(
      (latest, workshop) => (new Date(workshop.endsAt) > new Date(latest) ? workshop.endsAt : latest),
      parallel[0].endsAt,
    ),
    workshops: parallel,
  }));
}

/** The chosen workshops, one per slot at most: the body's `sessionIds`. */
export type WorkshopChoices = Readonly<Record<string, string>>;

export function chosenSessionIds(choices: WorkshopChoices): string[] {
  return Object.values(choices).filter((sessionId) => sessionId !== '');
}

interface WorkshopChoiceProps {
  readonly slots: readonly WorkshopSlot[];
  readonly seats: EventSeats | undefined;
  readonly choices: WorkshopChoices;
  readonly onChoose: (slotKey: string, sessionId: string) => void;
}

/** The Deutschlandforum's workshops, a radio group per parallel slot, each with its seats. */
export function WorkshopChoice({ slots, seats, choices, onChoose }: WorkshopChoiceProps) {
  return (
    <div className="workshop-choice">
      <h3>{t.heading}</h3>
      <p>{t.intro}</p>
      {slots.map((slot, index) => (
        <fieldset key={slot.key} className="choice-group">
          <legend>{t.slot(index + 1, formatPeriod(slot.startsAt, slot.endsAt))}</legend>
          {slot.workshops.map((workshop) => (
            <WorkshopOption
              key={workshop.sessionId}
              name={`workshop-${slot.key}`}
              workshop={workshop}
              seats={seats?.workshops.find((candidate) => candidate.sessionId === workshop.sessionId)}
              checked={choices[slot.key] === workshop.sessionId}
              onChoose={() => onChoose(slot.key, workshop.sessionId)}
            />
          ))}
          <Option
            name={`workshop-${slot.key}`}
            label={t.none}
            checked={!choices[slot.key]}
            onChoose={() => onChoose(slot.key, '')}
          />
        </fieldset>
      ))}
    </div>
  );
}

function WorkshopOption(props: {
  readonly name: string;
  readonly workshop: AgendaSession;
  readonly seats: EventSeats['workshops'][number] | undefined;
  readonly checked: boolean;
  readonly onChoose: () => void;
}) {
  const { workshop, seats } = props;
  const capacity = seats?.capacity ?? workshop.capacity;
  const details = [
    workshop.speakers.length > 0
      ? t.speakers(workshop.speakers.map((speaker) => speaker.name).join(', '))
      : undefined,
    workshop.room ? t.room(workshop.room) : undefined,
    seats
      ? seats.seatsLeft > 0
        ? t.left(seats.seatsLeft, seats.capacity)
        : t.full
      : capacity
        ? t.capacity(capacity)
        : undefined,
  ].filter((detail): detail is string => detail !== undefined);
  return (
    <Option {...props} label={workshop.title} details={details.join(' · ')} full={seats?.seatsLeft === 0} />
  );
}

function Option(props: {
  readonly name: string;
  readonly label: string;
  readonly details?: string;
  readonly full?: boolean;
  readonly checked: boolean;
  readonly onChoose: () => void;
}) {
  const id = useId();
  return (
    <div className="choice">
      <input
        id={id}
        type="radio"
        name={props.name}
        checked={props.checked}
        onChange={props.onChoose}
        aria-describedby={props.details ? `${id}-details` : undefined}
      />
      <label htmlFor={id}>{props.label}</label>
      {props.details ? (
        <p id={`${id}-details`} className={`choice-details${props.full ? ' choice-full' : ''}`}>
          {props.details}
        </p>
      ) : null}
    </div>
  );
}
