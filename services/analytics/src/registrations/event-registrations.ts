import {
  AttendanceRecorded,
  AttendanceRecordedEvent,
  DelegationChangedEvent,
  FederalState,
  MunicipalitySizeClass,
  RegistrantKind,
  RegistrationCancelledEvent,
  RegistrationChange,
  RegistrationConfirmedEvent,
  RegistrationPromotedEvent,
  RegistrationSessionsChangedEvent,
  RegistrationSnapshot,
  RegistrationStatus,
  RegistrationWaitlistedEvent,
  Sector,
  sizeClassOf,
} from '@ic/contracts';
import { CloudEvent } from '@ic/messaging';

/**
 * One registration as analytics counts it: its state after the latest change, what happened to
 * it on the way (waiting list, promotion), and who registered as attributes without names.
 */
export interface RegistrationEntry {
  readonly registrationId: string;
  readonly revision: number;
  readonly status: RegistrationStatus;
  readonly registrantKind: RegistrantKind;
  /** A member's pseudonym in the member dimension (never the member id). */
  readonly memberKey?: string;
  /** As the registration carried them: the member's or the municipality's. */
  readonly federalState?: FederalState;
  readonly sector?: Sector;
  readonly sizeClass?: MunicipalitySizeClass;
  /** 1, or the people of a delegation. */
  readonly people: number;
  readonly attendedPeople: number;
  readonly waitlisted: boolean;
  readonly promoted: boolean;
  readonly registeredAt: Date;
}

/**
 * The registrations of one event. Every registrations event is keyed by the event id, so one
 * partition worker writes this document, in the order the registrations service decided.
 */
export interface EventRegistrationsDocument {
  /** The event id. */
  readonly _id: string;
  /** The event's capacity as the latest seat counts said, for when its own events are not read yet. */
  readonly capacity?: number;
  readonly registrations: readonly RegistrationEntry[];
}

/** The events that change a registration; the others on the topic (interest, event changes told) do not count here. */
const REGISTRATION_CHANGES: ReadonlySet<string> = new Set([
  RegistrationConfirmedEvent.type,
  RegistrationWaitlistedEvent.type,
  RegistrationPromotedEvent.type,
  RegistrationCancelledEvent.type,
  RegistrationSessionsChangedEvent.type,
  DelegationChangedEvent.type,
  AttendanceRecordedEvent.type,
]);

export function changesRegistration(type: string): boolean {
  return REGISTRATION_CHANGES.has(type);
}

/** The member ids whose pseudonyms the event needs (members registering for themselves). */
export function registeringMemberOf(data: RegistrationChange | AttendanceRecorded): string | undefined {
  const { registrant } = data.registration;
  return registrant.kind === 'member' ? registrant.memberId : undefined;
}

/** A registrations event the fold could not take, with why. */
export interface RegistrationEventFailure {
  readonly event: CloudEvent<RegistrationChange | AttendanceRecorded>;
  readonly error: unknown;
}

/**
 * The document after one registrations event. A registration's revision grows with every change,
 * so a change the entry has seen already (a redelivery, an event published twice) is skipped;
 * what happened on the way only ever becomes true, so replaying it is harmless too.
 */
export function applyRegistrationEvent(
  document: EventRegistrationsDocument | undefined,
  event: CloudEvent<RegistrationChange | AttendanceRecorded>,
  memberKeyOf: (memberId: string) => string,
): EventRegistrationsDocument {
  const { after, failures } = applyRegistrationEvents(document, event.data.eventId, [event], memberKeyOf);
  if (failures.length > 0) throw failures[0].error;
  return after ?? document ?? { _id: event.data.eventId, registrations: [] };
}

/**
 * The document after a batch of one event's registrations events, in their order, as
 * applyRegistrationEvent would leave it event by event, but with the list copied once per batch and
 * each registration found by its id: a replay adds a thousand registrations to one event's
 * document, which event by event copied and searched the whole list each time. An event that
 * fails (see `failures`) changes nothing. `after` is undefined when no event changed anything.
 */
export function applyRegistrationEvents(
  document: EventRegistrationsDocument | undefined,
  eventId: string,
  events: readonly CloudEvent<RegistrationChange | AttendanceRecorded>[],
  memberKeyOf: (memberId: string) => string,
): { after: EventRegistrationsDocument | undefined; failures: RegistrationEventFailure[] } {
  const registrations = [...(document?.registrations ?? [])];
  const positions = new Map(registrations.map((entry, index) => [entry.registrationId, index]));
  let capacity = document?.capacity;
  let changed = false;
  const failures: RegistrationEventFailure[] = [];
  for (const event of events) {
    if (!changesRegistration(event.type)) continue;
    const { registration, revision } = event.data;
    const position = positions.get(registration.registrationId);
    const previous = position === undefined ? undefined : registrations[position];
    if (previous && revision <= previous.revision) continue;
    let entry: RegistrationEntry;
    try {
      entry = entryOf(registration, revision, event.type, previous, memberKeyOf);
    } catch (error) {
      failures.push({ event, error });
      continue;
    }
    if (position === undefined) {
      positions.set(entry.registrationId, registrations.length);
      registrations.push(entry);
    } else registrations[position] = entry;
    if ('seats' in event.data) capacity = event.data.seats.capacity;
    changed = true;
  }
  const after = changed
    ? { _id: eventId, ...(capacity === undefined ? {} : { capacity }), registrations }
    : undefined;
  return { after, failures };
}

function entryOf(
  registration: RegistrationSnapshot,
  revision: number,
  type: string,
  previous: RegistrationEntry | undefined,
  memberKeyOf: (memberId: string) => string,
): RegistrationEntry {
  const { registrant, delegation } = registration;
  const attendedPeople = delegation
    ? delegation.filter((person) => person.attended).length
    : registration.attended
      ? 1
      : 0;
  const sector = registrant.kind === 'municipality' ? 'Kommune' : registrant.sector;
  return {
    registrationId: registration.registrationId,
    revision,
    status: registration.status,
    registrantKind: registrant.kind,
    ...(previous?.memberKey
      ? { memberKey: previous.memberKey }
      : registrant.kind === 'member' && registrant.memberId
        ? { memberKey: memberKeyOf(registrant.memberId) }
        : {}),
    ...(registrant.federalState ? { federalState: registrant.federalState } : {}),
    ...(sector ? { sector } : {}),
    ...(registrant.municipality ? { sizeClass: sizeClassOf(registrant.municipality.population) } : {}),
    people: delegation?.length ?? 1,
    attendedPeople,
    waitlisted:
      (previous?.waitlisted ?? false) ||
      type === RegistrationWaitlistedEvent.type ||
      registration.status === 'waiting',
    promoted: (previous?.promoted ?? false) || type === RegistrationPromotedEvent.type,
    registeredAt: previous?.registeredAt ?? new Date(registration.registeredAt),
  };
}
