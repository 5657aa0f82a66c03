import { Injectable } from '@nestjs/common';
import { Registration, RegistrationView, StoredSessionChoice } from './registration';
import { RegistrationAggregate } from './registration.aggregate';
import { viewOf, viewsOf } from './registration-places';
import { RegistrationsRepository } from './registrations.repository';

/** Registrations with their current places on the waiting lists (ranks among the event's registrations). */
@Injectable()
export class RegistrationViews {
  constructor(private readonly registrations: RegistrationsRepository) {}

  /**
   * The registration's view, as `ofEvent` would give it: a place is one more than the others
   * ahead in its line (counted, not read), and workshop lines count only while confirmed.
   */
  async of(entry: Registration): Promise<RegistrationView> {
    const waitingFor = entry.status === 'confirmed' ? entry.sessions.filter(isWaiting) : [];
    const [waitingAhead, ...sessionsAhead] = await Promise.all([
      entry.status === 'waiting' ? this.registrations.waitingAhead(entry) : undefined,
      ...waitingFor.map((choice) => this.registrations.waitingAheadForSession(entry, choice)),
    ]);
    return viewOf(entry, {
      ...(waitingAhead !== undefined ? { waitingPlace: waitingAhead + 1 } : {}),
      sessionPlaces: Object.fromEntries(
        waitingFor.map((choice, index) => [choice.sessionId, (sessionsAhead[index] ?? 0) + 1]),
      ),
    });
  }

  /** The registration to change, with its places; null when unknown or its seat is still being decided. */
  async load(registrationId: string): Promise<RegistrationAggregate | null> {
    const stored = await this.registrations.findById(registrationId);
    return stored && !stored.pending ? RegistrationAggregate.of(await this.of(stored.entry)) : null;
  }

  async ofEvent(eventId: string): Promise<RegistrationView[]> {
    return viewsOf(eventId, await this.registrations.ofEvent(eventId));
  }
}

function isWaiting(choice: StoredSessionChoice): boolean {
  return choice.status === 'waiting';
}
