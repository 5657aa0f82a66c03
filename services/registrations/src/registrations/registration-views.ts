import { Injectable } from '@nestjs/common';
import { Registration, RegistrationView } from './registration';
import { viewOf, viewsOf } from './registration-places';
import { RegistrationsRepository } from './registrations.repository';

/** Registrations with their current places on the waiting lists (ranks among the event's registrations). */
@Injectable()
export class RegistrationViews {
  constructor(private readonly registrations: RegistrationsRepository) {}

  /** The registration's view; only one that waits (for the event or a workshop) needs its event's lists. */
  async of(entry: Registration): Promise<RegistrationView> {
    const waits = entry.status === 'waiting' || entry.sessions.some((choice) => choice.status === 'waiting');
    if (!waits) return viewOf(entry);
    const others = await this.registrations.ofEvent(entry.eventId);
    const all = [...others.filter((other) => other.registrationId !== entry.registrationId), entry];
    return viewsOf(entry.eventId, all).find((view) => view.entry.registrationId === entry.registrationId)!;
  }

  async ofEvent(eventId: string): Promise<RegistrationView[]> {
    return viewsOf(eventId, await this.registrations.ofEvent(eventId));
  }
}
