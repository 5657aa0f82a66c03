import { Injectable } from '@nestjs/common';
import { Registration, RegistrationView, StoredSessionChoice } from './registration';
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

  async ofEvent(eventId: string): Promise<RegistrationView[]> {
    return viewsOf(eventId, await this.registrations.ofEvent(eventId));
  }
}

function isWaiting(choice: StoredSessionChoice): boolean {
  return choice.status === 'waiting';
}
