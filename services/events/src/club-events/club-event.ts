import {
  Actor,
  AnnouncementScope,
  Audience,
  DelegationRule,
  DocumentKind,
  DocumentMediaType,
  EventKind,
  EventStatus,
  FederalState,
  HostMunicipality,
  SessionKind,
  Speaker,
  TargetGroup,
  Theme,
  Venue,
} from '@ic/contracts';

/**
 * An event as the service keeps it: the snapshot's content with times as instants (UTC Dates).
 * The plan is what the office enters and changes; the rest follows from the lifecycle.
 */
export interface EventPlan {
  readonly kind: EventKind;
  readonly title: string;
  readonly summary?: string;
  readonly description: string;
  readonly themes: readonly Theme[];
  readonly capacity: number;
  /** Entered for a forum and a lounge; for a Kommunalzirkel they follow from its dated modules. */
  readonly startsAt?: Date;
  readonly endsAt?: Date;
  readonly registration: RegistrationPlan;
  readonly audience: Audience;
  readonly announceTo: AnnouncementScope;
  readonly targetGroup?: TargetGroup;
  readonly venue?: Venue;
  readonly forum?: ForumPlan;
  readonly lounge?: LoungePlan;
  readonly circle?: CirclePlan;
}

export interface RegistrationPlan {
  readonly opensAt: Date;
  readonly closesAt: Date;
}

export interface ForumPlan {
  readonly leitgedanke: string;
  readonly edition?: number;
  readonly sessions: readonly SessionPlan[];
}

export interface SessionPlan {
  readonly sessionId: string;
  readonly kind: SessionKind;
  readonly title: string;
  readonly abstract?: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly room?: string;
  readonly speakers: readonly Speaker[];
  readonly capacity?: number;
}

export interface LoungePlan {
  readonly topic: string;
  readonly host: HostMunicipality;
}

export interface CirclePlan {
  readonly modules: readonly ModulePlan[];
  readonly delegation: DelegationRule;
  readonly feeCents: number;
  readonly feeNote?: string;
}

export interface ModulePlan {
  readonly moduleId: string;
  readonly title: string;
  readonly startsAt?: Date;
  readonly endsAt?: Date;
  readonly dateNote?: string;
  readonly place?: string;
  readonly guidingQuestions: readonly string[];
}

export interface StoredDocument {
  readonly documentId: string;
  readonly kind: DocumentKind;
  readonly title: string;
  readonly fileName: string;
  readonly mediaType: DocumentMediaType;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly uploadedAt: Date;
  readonly uploadedBy: Actor;
}

export interface CancellationRecord {
  readonly reason: string;
  readonly cancelledAt: Date;
  readonly cancelledBy?: Actor;
}

/** Everything about an event that a write may change. */
export interface ClubEventState extends EventPlan {
  readonly status: EventStatus;
  /** The description rendered once on write (see renderMarkdown). */
  readonly descriptionHtml: string;
  readonly documents: readonly StoredDocument[];
  readonly cancellation?: CancellationRecord;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface ClubEvent extends ClubEventState {
  readonly id: string;
  /** Grows by one with every change; the snapshot carries it. */
  readonly revision: number;
}

/** Members and the public see an event once it has been announced; drafts are the office's. */
export function isPublished(event: Pick<ClubEvent, 'status'>): boolean {
  return event.status !== 'draft';
}

/** A series whose last module has no date yet has not ended, whatever its dated modules say. */
export function hasOpenEnd(plan: Pick<EventPlan, 'circle'>): boolean {
  return plan.circle?.modules.some((module) => !module.startsAt) ?? false;
}

/** Whether the event is over at `now`: its end has passed and no module is still to be dated. */
export function hasEnded(plan: Pick<EventPlan, 'endsAt' | 'circle'>, now: Date): boolean {
  return !hasOpenEnd(plan) && plan.endsAt !== undefined && plan.endsAt.getTime() <= now.getTime();
}

/** Länder the event concerns (venue, host, target group), for the federal-state filter. */
export function federalStatesOf(plan: EventPlan): FederalState[] {
  const states = [
    plan.venue?.federalState,
    plan.lounge?.host.federalState,
    ...(plan.targetGroup?.federalStates ?? []),
  ];
  return [...new Set(states.filter((state): state is FederalState => state !== undefined))];
}
