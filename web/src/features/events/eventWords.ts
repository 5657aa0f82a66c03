import { formatDate, formatPeriod, formatShortDate, formatTime } from '../../format/dates';
import { texts } from '../../texts';
import type {
  ClubEvent,
  EventKind,
  EventSeats,
  EventSummary,
  FederalState,
  TargetGroup,
  Venue,
} from './eventTypes';

const t = texts.events;

export type Tone = 'success' | 'warning' | 'danger' | 'neutral';

/** The registration of an event in words, with the colour of its badge. */
export interface RegistrationWords {
  readonly text: string;
  readonly tone: Tone;
}

/** „08.04.2027, 23:59 Uhr“: short enough for a card, exact enough for a deadline. */
export function shortDateTime(iso: string): string {
  return `${formatShortDate(iso)}, ${formatTime(iso)}`;
}

/**
 * Where the registration stands, as a person asks it: can I register, from when, until when, is it
 * full. `seats` (signed-in only) turns an open registration with no seat left into „Ausgebucht –
 * Warteliste“.
 */
export function registrationWords(
  event: Pick<EventSummary, 'status' | 'registration'>,
  seats: Pick<EventSeats, 'seatsLeft'> | undefined,
  now: Date = new Date(),
): RegistrationWords {
  switch (event.status) {
    case 'cancelled':
      return { text: t.registration.cancelled, tone: 'danger' };
    case 'held':
      return { text: t.registration.held, tone: 'neutral' };
    case 'draft':
      return { text: t.registration.draft, tone: 'neutral' };
    case 'registration-closed':
      return { text: t.registration.closed, tone: 'neutral' };
    case 'announced':
      return new Date(event.registration.opensAt).getTime() > now.getTime()
        ? { text: t.registration.opensOn(shortDateTime(event.registration.opensAt)), tone: 'neutral' }
        : { text: t.registration.opensSoon, tone: 'neutral' };
    case 'registration-open':
      if (new Date(event.registration.closesAt).getTime() <= now.getTime())
        return { text: t.registration.closed, tone: 'neutral' };
      if (seats && seats.seatsLeft <= 0) return { text: t.registration.fullWaitingList, tone: 'warning' };
      return { text: t.registration.openUntil(shortDateTime(event.registration.closesAt)), tone: 'success' };
  }
}

export function badgeClass(tone: Tone): string {
  return tone === 'neutral' ? 'badge' : `badge badge-${tone}`;
}

/**
 * When it takes place. A forum or lounge with its times; a Kommunalzirkel by the days of its first
 * and last dated module (the modules have their own times), or „Termin folgt“ before any has a date.
 */
export function periodWords(event: Pick<EventSummary, 'kind' | 'startsAt' | 'endsAt'>): string {
  if (!event.startsAt) return t.period.undated;
  if (event.kind === 'kommunalzirkel') {
    if (!event.endsAt || formatShortDate(event.startsAt) === formatShortDate(event.endsAt))
      return formatDate(event.startsAt);
    return `${formatDate(event.startsAt)} bis ${formatDate(event.endsAt)}`;
  }
  return event.endsAt ? formatPeriod(event.startsAt, event.endsAt) : formatDate(event.startsAt);
}

/** „Stadthaus Ulm, Ulm (Baden-Württemberg)“, without repeating a name. */
export function placeWords(venue: Venue): string {
  const name = venue.name === venue.city ? venue.city : `${venue.name}, ${venue.city}`;
  return `${name} (${t.federalStates[venue.federalState]})`;
}

/** The lines of a postal address: name, street, postcode and town, Land. */
export function addressLines(venue: Venue): string[] {
  return [
    venue.name,
    venue.street,
    [venue.postalCode, venue.city].filter(Boolean).join(' '),
    t.federalStates[venue.federalState],
  ].filter((line): line is string => Boolean(line));
}

export function federalStateNames(states: readonly FederalState[]): string {
  return t.list(states.map((state) => t.federalStates[state]));
}

/** „Kommunen in Bayern mit höchstens 25.000 Einwohnerinnen und Einwohnern“ */
export function targetGroupWords(group: TargetGroup): string {
  return t.targetGroup(federalStateNames(group.federalStates), group.maxPopulation);
}

export function themeWords(themes: ClubEvent['themes']): string {
  return themes.map((theme) => t.themes[theme]).join(', ');
}

export function kindWords(kind: EventKind): string {
  return t.kinds[kind];
}

/** The Länder for a filter, in alphabetical order of their names. */
export function federalStatesByName(): FederalState[] {
  return (Object.keys(t.federalStates) as FederalState[]).sort((a, b) =>
    t.federalStates[a].localeCompare(t.federalStates[b], 'de'),
  );
}
