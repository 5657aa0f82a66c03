import { berlinWallTimeOf } from '../../../format/berlinTime';
import { formatDate } from '../../../format/dates';
import { texts } from '../../../texts';
import { markKey, type AttendanceMark } from './attendanceQueue';
import type { CheckInEvent, CircleModule, Registration } from './checkInApi';

const t = texts.console.checkIn;

/** Whether the door takes ticks today, and if not, why in words. */
export type Door = { readonly open: true } | { readonly open: false; readonly reason: string };

const dayOf = (iso: string) => berlinWallTimeOf(iso).date;

/**
 * The registrations service takes attendance only on the event's (for a Kommunalzirkel the module's)
 * calendar days in Berlin; the page says the same before anyone ticks.
 */
export function doorOf(event: CheckInEvent, module: CircleModule | undefined, now: Date): Door {
  if (event.status === 'cancelled') return { open: false, reason: t.cancelled };
  const [startsAt, endsAt] = module ? [module.startsAt, module.endsAt] : [event.startsAt, event.endsAt];
  if (!startsAt || !endsAt) return { open: false, reason: module ? t.noDate : t.noEventDate };
  const today = dayOf(now.toISOString());
  if (today < dayOf(startsAt)) {
    const day = formatDate(startsAt);
    return { open: false, reason: module ? t.opensOnModule(day) : t.opensOn(day) };
  }
  if (today > dayOf(endsAt)) {
    const days =
      dayOf(startsAt) === dayOf(endsAt)
        ? formatDate(startsAt)
        : t.daysRange(formatDate(startsAt), formatDate(endsAt));
    return { open: false, reason: t.closedSince(days) };
  }
  return { open: true };
}

/** The module to show first: today's, else the next one to come, else the first. */
export function defaultModule(modules: readonly CircleModule[], now: Date): CircleModule | undefined {
  const today = dayOf(now.toISOString());
  const dated = modules.filter((module) => module.startsAt && module.endsAt);
  return (
    dated.find((module) => dayOf(module.startsAt!) <= today && today <= dayOf(module.endsAt!)) ??
    dated.find((module) => dayOf(module.startsAt!) > today) ??
    modules[0]
  );
}

/** One person at the door: a member, a guest, or one person of a municipality's delegation. */
export interface DoorPerson {
  readonly registrationId: string;
  readonly personId?: string;
  readonly name: string;
  /** Their office, organisation or role in the delegation. */
  readonly detail?: string;
  /** As the server knows it. */
  readonly arrived: boolean;
}

/** A registration as the door shows it: a person, or a municipality with its delegation. */
export interface DoorGroup {
  readonly registrationId: string;
  readonly title: string;
  readonly detail?: string;
  readonly delegation: boolean;
  readonly people: readonly DoorPerson[];
  /** Everything the search looks in, normalised. */
  readonly searchText: string;
}

const personName = (person: { firstName: string; lastName: string }) =>
  `${person.firstName} ${person.lastName}`;

export function groupsOf(registrations: readonly Registration[], moduleId: string | undefined): DoorGroup[] {
  return registrations.map((registration) => {
    const registrant = registration.registrant;
    if (registration.delegation) {
      const people = registration.delegation.map((person) => ({
        registrationId: registration.registrationId,
        personId: person.personId,
        name: personName(person),
        detail: texts.events.delegationRoleOf(person.role, person.salutation),
        arrived: moduleId ? (person.attendedModules ?? []).includes(moduleId) : person.attended === true,
      }));
      const title = registrant.municipality?.name ?? registrant.name;
      return {
        registrationId: registration.registrationId,
        title,
        detail: t.delegation(people.length),
        delegation: true,
        people,
        searchText: normalise([title, registrant.name, ...people.map((person) => person.name)].join(' ')),
      };
    }
    const detail =
      [registrant.officeTitle, registrant.organisation ?? registrant.municipality?.name]
        .filter(Boolean)
        .join(', ') || (registrant.kind === 'guest' ? t.guest : undefined);
    return {
      registrationId: registration.registrationId,
      title: registrant.name,
      ...(detail ? { detail } : {}),
      delegation: false,
      people: [
        {
          registrationId: registration.registrationId,
          name: registrant.name,
          ...(detail ? { detail } : {}),
          arrived: registration.attended === true,
        },
      ],
      searchText: normalise(
        [registrant.name, registrant.organisation, registrant.municipality?.name].filter(Boolean).join(' '),
      ),
    };
  });
}

/** Lower case, without accents; ä = ae = a, ß = ss: „Müller“ finds „Mueller“ and the other way round. */
export function normalise(text: string): string {
  return text
    .toLocaleLowerCase('de-DE')
    .replace(/ß/g, 'ss')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function matches(group: DoorGroup, query: string): boolean {
  const wanted = normalise(query);
  return wanted === '' || wanted.split(' ').every((word) => group.searchText.includes(word));
}

/** A person's state with the marks still on their way: what the door shows and counts. */
export function withPending(
  person: DoorPerson,
  moduleId: string | undefined,
  pending: ReadonlyMap<string, AttendanceMark>,
): { readonly arrived: boolean; readonly sending: boolean } {
  const mark = pending.get(
    markKey({ registrationId: person.registrationId, personId: person.personId, moduleId }),
  );
  return mark ? { arrived: mark.attended, sending: true } : { arrived: person.arrived, sending: false };
}
