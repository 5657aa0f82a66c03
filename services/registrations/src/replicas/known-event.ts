import { Audience, ClubEventSnapshot, EventKind, EventStatus, TargetGroup } from '@ic/contracts';

/** A workshop of a Deutschlandforum: its own seats; workshops starting together form a parallel slot. */
export interface Workshop {
  readonly sessionId: string;
  readonly title: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly capacity: number;
}

/**
 * An event as this service knows it (fed by ic.events.v1, highest revision wins): the whole
 * snapshot, which outgoing events carry, and the parts the rules read, typed.
 */
export interface KnownEvent {
  readonly eventId: string;
  readonly revision: number;
  readonly kind: EventKind;
  readonly status: EventStatus;
  readonly title: string;
  /** Seats; for a Kommunalzirkel the number of municipalities. */
  readonly capacity: number;
  readonly startsAt?: Date;
  readonly endsAt?: Date;
  readonly opensAt: Date;
  readonly closesAt: Date;
  readonly audience: Audience;
  readonly targetGroup?: TargetGroup;
  readonly workshops: readonly Workshop[];
  /** People per municipality in a Kommunalzirkel's delegation. */
  readonly maxDelegationPeople?: number;
  readonly snapshot: ClubEventSnapshot;
}

export function knownEventOf(snapshot: ClubEventSnapshot): KnownEvent {
  return {
    eventId: snapshot.eventId,
    revision: snapshot.revision,
    kind: snapshot.kind,
    status: snapshot.status,
    title: snapshot.title,
    capacity: snapshot.capacity,
    ...(snapshot.startsAt ? { startsAt: new Date(snapshot.startsAt) } : {}),
    ...(snapshot.endsAt ? { endsAt: new Date(snapshot.endsAt) } : {}),
    opensAt: new Date(snapshot.registration.opensAt),
    closesAt: new Date(snapshot.registration.closesAt),
    audience: snapshot.audience,
    ...(snapshot.targetGroup ? { targetGroup: snapshot.targetGroup } : {}),
    workshops: (snapshot.forum?.sessions ?? [])
      .filter((session) => session.kind === 'workshop')
      .map((session) => ({
        sessionId: session.sessionId,
        title: session.title,
        startsAt: new Date(session.startsAt),
        endsAt: new Date(session.endsAt),
        capacity: session.capacity ?? 0,
      })),
    ...(snapshot.circle ? { maxDelegationPeople: snapshot.circle.delegation.maxPeople } : {}),
    snapshot,
  };
}

/** Workshops that start at the same moment run in parallel: a participant chooses one of them. */
export function parallelSlotOf(workshop: Pick<Workshop, 'startsAt'>): string {
  return workshop.startsAt.toISOString();
}
