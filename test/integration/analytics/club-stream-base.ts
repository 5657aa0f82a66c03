import {
  allEventContracts,
  AttendanceRecordedEvent,
  ClubEventSnapshot,
  eventSourceOf,
  EventContract,
  FederalState,
  MemberProfile,
  MunicipalitySizeClass,
  RegistrationChange,
  RegistrationSnapshot,
  Sector,
  Theme,
} from '@ic/contracts';
import { ContractRegistry, encodeCloudEvent, newCloudEvent, OutgoingMessage } from '@ic/messaging';

/** Populations around the boundaries of the size classes, with the class each must land in. */
export const MUNICIPALITIES: readonly [number, MunicipalitySizeClass][] = [
  [800, 'up-to-5000'],
  [5_000, 'up-to-5000'],
  [5_001, '5001-20000'],
  [13_900, '5001-20000'],
  [20_000, '5001-20000'],
  [20_001, '20001-100000'],
  [64_000, '20001-100000'],
  [100_000, '20001-100000'],
  [100_001, 'over-100000'],
  [560_000, 'over-100000'],
];
export const FIRST_NAMES = [
  'Annegret',
  'Jonas',
  'Fatma',
  'Dirk',
  'Ilse',
  'Mehmet',
  'Sabine',
  'Ole',
  'Katrin',
  'Jürgen',
];
export const LAST_NAMES = [
  'Müller',
  'Özdemir',
  'Schäfer',
  'Brandt',
  'Wendland',
  'Kühn',
  'Albers',
  'Hoffmann',
];
export const TOWNS = [
  'Kalletal',
  'Pegnitz',
  'Lemgo',
  'Ulm',
  'Gräfenhainichen',
  'Bad Wörishofen',
  'Wittstock',
];
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export type Published = { readonly topic: string; readonly message: OutgoingMessage };

export interface SimMember {
  readonly id: string;
  profile: MemberProfile;
  sizeClass?: MunicipalitySizeClass;
  status: 'invited' | 'declined' | 'active' | 'inactive';
  readonly invitedAt: Date;
  joinedAt?: Date;
  declinedAt?: Date;
  leftAt?: Date;
  readonly groups: Set<string>;
}

export interface SimRegistration {
  snapshot: RegistrationSnapshot;
  readonly member: SimMember;
  /** For a municipality's delegation: its size class and Land (the participant is the municipality). */
  readonly municipality?: { federalState: FederalState; sizeClass: MunicipalitySizeClass };
  waitlisted: boolean;
  promoted: boolean;
}

export interface SimEvent {
  snapshot: ClubEventSnapshot;
  openedAt?: Date;
  readonly registrations: SimRegistration[];
  outcome: 'held' | 'open' | 'cancelled';
}

/** A participant's attributes as analytics must count them. */
export interface Counted {
  federalState?: FederalState;
  sector?: Sector;
  themes: readonly Theme[];
  sizeClass?: MunicipalitySizeClass;
}

export type ParticipationCounts = Record<string, { registered: number; confirmed: number; attended: number }>;

export interface ExpectedParticipation {
  readonly totals: { registered: number; confirmed: number; attended: number };
  readonly byFederalState: ParticipationCounts;
  readonly bySector: ParticipationCounts;
  readonly byTheme: ParticipationCounts;
  readonly bySizeClass: ParticipationCounts;
}

/** The state of the simulated stream and how a fact is published into it; ClubStream builds on it. */
export abstract class ClubStreamBase {
  readonly run: string;
  readonly year: number;
  readonly members: SimMember[] = [];
  readonly events: SimEvent[] = [];
  readonly workingGroups: { id: string; name: string }[] = [];
  protected readonly published: Published[] = [];
  protected readonly registry = new ContractRegistry(allEventContracts);
  protected readonly random: () => number;

  constructor(run: string) {
    this.run = run;
    this.random = seededRandom(run);
    this.year = 2200 + Math.floor(this.random() * 700);
  }

  protected publishRegistration(
    event: SimEvent,
    contract: EventContract<RegistrationChange>,
    registration: SimRegistration,
    at: Date,
    extra: Record<string, unknown>,
  ): void {
    const data = {
      eventId: event.snapshot.eventId,
      registrationId: registration.snapshot.registrationId,
      revision: registration.snapshot.revision,
      ...extra,
      registration: registration.snapshot,
      event: event.snapshot,
      seats: {
        capacity: event.snapshot.capacity,
        confirmed: this.countOf(event, 'confirmed'),
        waiting: this.countOf(event, 'waiting'),
      },
    };
    this.publish(contract, event.snapshot.eventId, data, at);
  }

  protected publishAttendance(
    event: SimEvent,
    registration: SimRegistration,
    at: Date,
    attended: boolean,
    personId?: string,
  ): void {
    this.publish(
      AttendanceRecordedEvent,
      event.snapshot.eventId,
      {
        eventId: event.snapshot.eventId,
        registrationId: registration.snapshot.registrationId,
        revision: registration.snapshot.revision,
        by: { subject: 'staff-1', role: 'staff' },
        ...(personId ? { personId } : {}),
        attended,
        registration: registration.snapshot,
      },
      at,
    );
  }

  /** The registration after a change: the next revision, optional fields given as undefined removed. */
  protected change(registration: SimRegistration, fields: Partial<RegistrationSnapshot>): void {
    const next = { ...registration.snapshot, ...fields, revision: registration.snapshot.revision + 1 };
    // JSON drops the fields given as undefined, as the wire would.
    registration.snapshot = JSON.parse(JSON.stringify(next)) as RegistrationSnapshot;
  }

  protected renumberWaiting(event: SimEvent): void {
    let place = 0;
    for (const registration of event.registrations) {
      if (registration.snapshot.status !== 'waiting') continue;
      place += 1;
      registration.snapshot = { ...registration.snapshot, waitingPlace: place };
    }
  }

  protected countOf(event: SimEvent, status: RegistrationSnapshot['status']): number {
    return event.registrations.filter((registration) => registration.snapshot.status === status).length;
  }

  protected publish<T>(contract: EventContract<T>, subject: string, data: T, time: Date): void {
    this.registry.assertValid(contract.type, data);
    const service = contract.type.split('.')[3] as
      'membership' | 'events' | 'registrations' | 'notifications';
    const event = newCloudEvent({
      type: contract.type,
      source: eventSourceOf(service),
      subject,
      data,
      time: time.toISOString(),
    });
    this.published.push({ topic: contract.topic, message: encodeCloudEvent(event) });
  }

  // ---- randomness and time ----

  /** A time in this run's year: month 0–11, day of month, at a random hour. */
  protected at(month: number, day: number): Date {
    return new Date(Date.UTC(this.year, month, Math.min(day, 28), this.int(24), this.int(60)));
  }

  protected int(below: number): number {
    return Math.floor(this.random() * below);
  }

  protected pick<T>(values: readonly T[]): T {
    return values[this.int(values.length)];
  }

  protected shuffle<T>(values: readonly T[]): T[] {
    return values
      .map((value) => ({ value, order: this.random() }))
      .sort((a, b) => a.order - b.order)
      .map(({ value }) => value);
  }

  protected token(): string {
    return Array.from({ length: 16 }, () =>
      this.pick([...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-']),
    ).join('');
  }
}

export function attendedAny(snapshot: RegistrationSnapshot): boolean {
  return snapshot.delegation
    ? snapshot.delegation.some((person) => person.attended)
    : snapshot.attended === true;
}

/** A small deterministic generator (mulberry32), seeded by the run, so a failing stream can be made again. */
export function seededRandom(seed: string): () => number {
  let state = [...seed].reduce((hash, char) => (Math.imul(hash, 31) + char.charCodeAt(0)) | 0, 7);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
