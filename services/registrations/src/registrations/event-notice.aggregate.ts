import { ClubEventChange, EventChangeAspect } from '@ic/contracts';
import { Aggregate } from '@ic/platform';
import { RegistrationFact, RegistrationView } from './registration';

/** What registered people are told about when it changes. */
const NEWS_FOR_THE_REGISTERED: readonly EventChangeAspect[] = ['schedule', 'venue'];

/** How far an event's registered people were told of its changes: its last revision told. */
export interface EventNoticeState {
  readonly eventId: string;
  readonly toldRevision: number;
}

/**
 * Telling an event's registered people of a new schedule or venue: once per event revision, never
 * of a draft, and never of a revision older than one told. Records RegisteredEventChanged (the
 * `event-changed` fact) with everyone registered; the outgoing events split it into parts.
 */
export class EventNoticeAggregate extends Aggregate<EventNoticeState, RegistrationFact> {
  private constructor(state: EventNoticeState) {
    super(state);
  }

  static of(eventId: string, toldRevision: number): EventNoticeAggregate {
    return new EventNoticeAggregate({ eventId, toldRevision });
  }

  /** What of this change is news to the registered, not told yet: none when the change is told or a draft's. */
  newsIn(change: ClubEventChange, changed: readonly EventChangeAspect[]): EventChangeAspect[] {
    if (change.event.status === 'draft' || change.revision <= this.state.toldRevision) return [];
    return changed.filter((aspect) => NEWS_FOR_THE_REGISTERED.includes(aspect));
  }

  /** Tells the registered (those not cancelled) the change's news; with nobody registered, only marks it told. */
  tell(
    change: ClubEventChange,
    changed: readonly EventChangeAspect[],
    registered: readonly RegistrationView[],
  ): void {
    const news = this.newsIn(change, changed);
    if (news.length === 0) return;
    this.change({ ...this.state, toldRevision: change.revision });
    const told = registered.filter((view) => view.entry.status !== 'cancelled');
    if (told.length === 0) return;
    this.recordFact({
      type: 'event-changed',
      eventRevision: change.revision,
      changed: news,
      registered: told,
    });
  }
}
