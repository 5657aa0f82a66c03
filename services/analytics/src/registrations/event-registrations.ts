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
  const eventId = event.data.eventId;
  const current = document ?? { _id: eventId, registrations: [] };
  if (!changesRegistration(event.type)) return current;
  const { registration, revision } = event.data;
  const previous = current.registrations.find(
    (entry) => entry.registrationId === registration.registrationId,
  );
  if (previous && revision <= previous.revision) return current;

  const entry = entryOf(registration, revision, event.type, previous, memberKeyOf);
  const registrations = previous
    ? current.registrations.map((other) => (other === previous ? entry : other))
    : [...current.registrations, entry];
  const capacity = 'seats' in event.data ? event.data.seats.capacity : current.capacity;
  return { _id: eventId, ...(capacity === undefined ? {} : { capacity }), registrations };
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
