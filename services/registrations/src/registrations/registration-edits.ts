import { Actor, CancellationCause, SessionSeatChange } from '@ic/contracts';
import { ConflictError, InvalidInputError, NotFoundError } from '@ic/platform';
import { SeatOutcome } from '../seats/seat-claims';
import { refusedBy, Registration, StoredPerson } from './registration';
import { RegistrationMessages, Refusals } from './registration.messages';

/**
 * The changes of one registration that need no seat counter: pure, each returns the next state
 * (revision one higher) or undefined when nothing changes.
 */

/** A registration that got its seat or place now (registering, or taken up again after a cancellation). */
export function decided(
  pending: Registration,
  outcome: SeatOutcome,
  sequence: number,
  now: Date,
): Registration {
  const confirmed = outcome.status === 'confirmed';
  return {
    ...pending,
    status: outcome.status,
    sequence,
    sessions: choicesAfter(pending, outcome, sequence),
    ...(confirmed ? { confirmedAt: now } : {}),
  };
}

/** The first on the waiting list got a seat; its workshop choices got seats or places. */
export function promoted(
  entry: Registration,
  outcome: SeatOutcome,
  sequence: number,
  now: Date,
): Registration {
  return {
    ...entry,
    status: 'confirmed',
    sequence,
    confirmedAt: now,
    sessions: choicesAfter(entry, outcome, sequence),
    revision: entry.revision + 1,
  };
}

/** A choice waiting for its workshop got a seat. */
export function sessionPromoted(
  entry: Registration,
  sessionId: string,
  sequence: number,
): { next: Registration; changes: SessionSeatChange[] } {
  return {
    next: {
      ...entry,
      sessions: entry.sessions.map((choice) =>
        choice.sessionId === sessionId ? { ...choice, status: 'confirmed', sequence } : choice,
      ),
      revision: entry.revision + 1,
    },
    changes: [{ sessionId, from: 'waiting', to: 'confirmed' }],
  };
}

function choicesAfter(entry: Registration, outcome: SeatOutcome, sequence: number): Registration['sessions'] {
  // Choices wait (pending) with their registration; a workshop gone meanwhile is dropped.
  if (outcome.status === 'waiting')
    return entry.sessions.map((choice) => ({ ...choice, status: 'pending', sequence: 0 }));
  return entry.sessions.flatMap((choice) => {
    const status = outcome.sessions[choice.sessionId];
    return status ? [{ sessionId: choice.sessionId, status, sequence }] : [];
  });
}

/** Cancelled: workshop seats belong to confirmed registrations only, so the choices go with the seat. */
export function cancelled(
  entry: Registration,
  cause: CancellationCause,
  by: Actor | undefined,
  sequence: number,
  now: Date,
): Registration {
  return {
    ...entry,
    status: 'cancelled',
    sequence,
    cancelledAt: now,
    cancellation: { cause, ...(by ? { by } : {}) },
    sessions: [],
    revision: entry.revision + 1,
  };
}

/** Whether the registration chose a workshop that is no longer on the agenda (`offered`). */
export function choosesRemovedWorkshop(entry: Registration, offered: ReadonlySet<string>): boolean {
  return entry.sessions.some((choice) => !offered.has(choice.sessionId));
}

/** The choices of workshops that left the agenda are dropped. */
export function withoutRemovedWorkshops(
  entry: Registration,
  offered: ReadonlySet<string>,
): { next: Registration; changes: SessionSeatChange[] } | undefined {
  const gone = entry.sessions.filter((choice) => !offered.has(choice.sessionId));
  if (gone.length === 0) return undefined;
  return {
    next: {
      ...entry,
      sessions: entry.sessions.filter((choice) => offered.has(choice.sessionId)),
      revision: entry.revision + 1,
    },
    changes: gone.map((choice) => ({ sessionId: choice.sessionId, from: choice.status })),
  };
}

/** Replaces a delegation; people keep their id while they stay (and their marks at the door). */
export function withDelegation(
  entry: Registration,
  people: readonly StoredPerson[],
): { next: Registration; added: string[]; changed: string[]; removed: StoredPerson[] } | undefined {
  if (entry.status === 'cancelled') throw new ConflictError(RegistrationMessages.cancelledCannotChange);
  const before = new Map((entry.delegation ?? []).map((person) => [person.personId, person]));
  const after = people.map((person) => {
    const kept = before.get(person.personId);
    return {
      ...person,
      ...(kept?.attended !== undefined ? { attended: kept.attended } : {}),
      ...(kept?.attendedModules ? { attendedModules: kept.attendedModules } : {}),
    };
  });
  const added = after.filter((person) => !before.has(person.personId)).map((person) => person.personId);
  const changed = after
    .filter((person) => {
      const previous = before.get(person.personId);
      return previous !== undefined && !samePerson(previous, person);
    })
    .map((person) => person.personId);
  const stays = new Set(after.map((person) => person.personId));
  const removed = [...before.values()].filter((person) => !stays.has(person.personId));
  if (added.length + changed.length + removed.length === 0) return undefined;
  return { next: { ...entry, delegation: after, revision: entry.revision + 1 }, added, changed, removed };
}

/**
 * Marks a confirmed registration's person as come (or takes it back). A delegation's person is
 * marked per module when `moduleId` is given (Kommunalzirkel); they count as come while they came
 * to at least one module.
 */
export function withAttendance(
  entry: Registration,
  mark: { readonly personId?: string; readonly moduleId?: string; readonly attended: boolean },
): Registration | undefined {
  const { personId, moduleId, attended } = mark;
  if (entry.status !== 'confirmed') throw refusedBy(Refusals.attendanceNotConfirmed());
  if (entry.delegation) {
    if (!personId) throw invalidPersonId(RegistrationMessages.personIdRequired);
    const person = entry.delegation.find((candidate) => candidate.personId === personId);
    if (!person) throw new NotFoundError(RegistrationMessages.personNotFound);
    const marked = moduleId ? markModule(person, moduleId, attended) : { ...person, attended };
    if ((marked.attended ?? false) === (person.attended ?? false) && sameModules(marked, person)) {
      return undefined;
    }
    return {
      ...entry,
      delegation: entry.delegation.map((candidate) => (candidate.personId === personId ? marked : candidate)),
      revision: entry.revision + 1,
    };
  }
  if (personId) throw invalidPersonId(RegistrationMessages.personIdNotExpected);
  if (entry.attended === attended) return undefined;
  return { ...entry, attended, revision: entry.revision + 1 };
}

/** Whether a mark names a person depends on the registration, so the request check cannot see it. */
function invalidPersonId(message: string): InvalidInputError {
  return new InvalidInputError(message, [{ field: 'personId', message }]);
}

/** The person with the module added to (or taken from) their modules; `attended` follows: any module. */
function markModule(person: StoredPerson, moduleId: string, attended: boolean): StoredPerson {
  const others = (person.attendedModules ?? []).filter((id) => id !== moduleId);
  const modules = attended ? [...others, moduleId] : others;
  return { ...person, attended: modules.length > 0, attendedModules: modules };
}

function sameModules(a: StoredPerson, b: StoredPerson): boolean {
  const before = new Set(b.attendedModules ?? []);
  const after = a.attendedModules ?? [];
  return after.length === before.size && after.every((id) => before.has(id));
}

function samePerson(a: StoredPerson, b: StoredPerson): boolean {
  return (
    a.salutation === b.salutation &&
    a.firstName === b.firstName &&
    a.lastName === b.lastName &&
    a.role === b.role &&
    a.email === b.email
  );
}
