import {
  allEventContracts,
  AttendanceRecordedEvent,
  berlinDate,
  ClubEventChange,
  ClubEventSnapshot,
  DelegationChangedEvent,
  DelegationPerson,
  DelegationRoles,
  eventSourceOf,
  EventAnnouncedEvent,
  EventCancelledEvent,
  EventContract,
  EventDraftedEvent,
  EventFigures,
  EventHeldEvent,
  exampleLoungeSnapshot,
  FederalState,
  FederalStateCodes,
  FederalStates,
  InterestDeclaredEvent,
  InvitationDeclinedEvent,
  MailSentEvent,
  MemberActivatedEvent,
  MemberDeactivatedEvent,
  MemberInvitedEvent,
  MemberJoinedWorkingGroupEvent,
  MemberLeftWorkingGroupEvent,
  MemberProfile,
  MemberProfileUpdatedEvent,
  MembershipMonthReply,
  MunicipalitySizeClass,
  RegisteredEventChangedEvent,
  RegistrationCancelledEvent,
  RegistrationChange,
  RegistrationClosedEvent,
  RegistrationConfirmedEvent,
  RegistrationOpenedEvent,
  RegistrationPromotedEvent,
  RegistrationSessionsChangedEvent,
  RegistrationSnapshot,
  RegistrationWaitlistedEvent,
  Sector,
  Sectors,
  SignInLinkRequestedEvent,
  Theme,
  Themes,
  WorkingGroupCreatedEvent,
  formatBerlinTime,
} from '@ic/contracts';
import {
  ContractRegistry,
  encodeCloudEvent,
  KafkaConnection,
  newCloudEvent,
  OutgoingMessage,
} from '@ic/messaging';
import { randomUUID } from 'node:crypto';
import { erasureEventsOf } from '../../../services/membership/src/members/erase-member-data/erasure.rules';

/**
 * A realistic stream of the club's domain events as the four services publish them (contract-valid,
 * checked here before anything is sent): appointments and their answers, profile changes, working
 * groups, departures; events through their lifecycle; registrations with a waiting list that moves
 * up on cancellations, delegations of municipalities, attendance; mails sent. Some events are
 * published twice, as an outbox does after a crash, also after newer ones.
 *
 * The test counts here, from the simulation, the figures analytics must come to. Membership facts
 * lie in a year of their own (between 2200 and 2899), so that its months hold this run's members
 * only, also on a broker that other tests fill.
 */

/** Populations around the boundaries of the size classes, with the class each must land in. */
const MUNICIPALITIES: readonly [number, MunicipalitySizeClass][] = [
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
const FIRST_NAMES = [
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
const LAST_NAMES = ['Müller', 'Özdemir', 'Schäfer', 'Brandt', 'Wendland', 'Kühn', 'Albers', 'Hoffmann'];
const TOWNS = ['Kalletal', 'Pegnitz', 'Lemgo', 'Ulm', 'Gräfenhainichen', 'Bad Wörishofen', 'Wittstock'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Published = { readonly topic: string; readonly message: OutgoingMessage };

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
interface Counted {
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

export class ClubStream {
  readonly run: string;
  readonly year: number;
  readonly members: SimMember[] = [];
  readonly events: SimEvent[] = [];
  readonly workingGroups: { id: string; name: string }[] = [];
  private readonly published: Published[] = [];
  private readonly registry = new ContractRegistry(allEventContracts);
  private readonly random: () => number;

  constructor(run: string, scale: { members: number; events: number }) {
    this.run = run;
    this.random = seededRandom(run);
    this.year = 2200 + Math.floor(this.random() * 700);
    this.createWorkingGroups();
    for (let index = 0; index < scale.members; index++) this.appointMember(index);
    for (let index = 0; index < scale.events; index++) this.holdEvent(index);
    this.departures();
    this.sendMails();
    this.publishSomeTwice();
  }

  /** How many messages the stream puts on the topics. */
  get size(): number {
    return this.published.length;
  }

  /**
   * Sends the stream, or its first or second half, in chunks per topic in the order it was
   * published (one aggregate's events stay in order, also across the halves).
   */
  async sendTo(kafka: KafkaConnection, half?: 0 | 1): Promise<void> {
    const middle = Math.floor(this.published.length / 2);
    const part =
      half === undefined
        ? this.published
        : half === 0
          ? this.published.slice(0, middle)
          : this.published.slice(middle);
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const { topic, message } of part) byTopic.set(topic, [...(byTopic.get(topic) ?? []), message]);
    for (const [topic, messages] of byTopic) {
      for (let start = 0; start < messages.length; start += 250) {
        await kafka.send(topic, messages.slice(start, start + 250));
      }
    }
  }

  /**
   * Erases members at `at` with the events the membership service publishes for it (see
   * erasureEventsOf): an active member leaves that day and leaves their groups. Returns how many
   * messages were added; `sendLast` sends them.
   */
  erase(members: readonly SimMember[], at: Date): number {
    const before = this.published.length;
    const erasedBy = { subject: 'staff-1', role: 'staff' } as const;
    for (const member of members) {
      const state = {
        id: member.id,
        revision: 0,
        profile: member.profile,
        status: member.status === 'active' ? ('active' as const) : ('inactive' as const),
        workingGroups: [...member.groups],
        joinedAt: member.joinedAt ?? member.invitedAt,
        announcementsOptOut: false,
      };
      for (const { contract, data } of erasureEventsOf(state, erasedBy, at, (contract, data) => ({
        contract,
        data,
      }))) {
        this.publish(contract, member.id, data, at);
      }
      if (member.status === 'active') {
        member.status = 'inactive';
        member.leftAt = at;
      }
      member.groups.clear();
    }
    return this.published.length - before;
  }

  /** Sends the last `count` messages of the stream (see erase). */
  async sendLast(kafka: KafkaConnection, count: number): Promise<void> {
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const { topic, message } of this.published.slice(-count)) {
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), message]);
    }
    for (const [topic, messages] of byTopic) await kafka.send(topic, messages);
  }

  // ---- the figures, as counted by the test ----

  expectedFigures(event: SimEvent): EventFigures & { capacity: number } {
    const registrations = event.registrations;
    const count = (matches: (registration: SimRegistration) => boolean) =>
      registrations.filter(matches).length;
    const status = (registration: SimRegistration) => registration.snapshot.status;
    const attendedPeople = (registration: SimRegistration) =>
      registration.snapshot.delegation
        ? registration.snapshot.delegation.filter((person) => person.attended).length
        : registration.snapshot.attended
          ? 1
          : 0;
    const confirmed = count((registration) => status(registration) === 'confirmed');
    const waitlisted = count((registration) => registration.waitlisted);
    const promoted = count((registration) => registration.promoted);
    return {
      capacity: event.snapshot.capacity,
      registered: registrations.length,
      confirmed,
      waiting: count((registration) => status(registration) === 'waiting'),
      cancelled: count((registration) => status(registration) === 'cancelled'),
      waitlisted,
      promoted,
      attended: count((registration) => attendedPeople(registration) > 0),
      attendedPeople: registrations.reduce((sum, registration) => sum + attendedPeople(registration), 0),
      noShows:
        event.outcome === 'held'
          ? count(
              (registration) => status(registration) === 'confirmed' && attendedPeople(registration) === 0,
            )
          : null,
      fillRate: confirmed / event.snapshot.capacity,
      waitingListConversion: waitlisted > 0 ? promoted / waitlisted : null,
    };
  }

  /** Registrations per 24 hours since registration opened, and those before. */
  expectedTimeline(event: SimEvent): { registeredBeforeOpening: number; perDay: number[] } {
    const opened = event.openedAt?.getTime() ?? 0;
    const days = event.registrations.map((registration) =>
      Math.floor((Date.parse(registration.snapshot.registeredAt) - opened) / DAY),
    );
    const last = Math.max(-1, ...days);
    return {
      registeredBeforeOpening: days.filter((day) => day < 0).length,
      perDay: Array.from({ length: last + 1 }, (_, day) => days.filter((other) => other === day).length),
    };
  }

  /** Participation in the event by the four dimensions: only values with registrations are listed. */
  expectedParticipation(event: SimEvent): ExpectedParticipation {
    const counted = event.registrations.map((registration) => ({
      registration,
      attributes: this.attributesOf(registration),
    }));
    const tally = (
      valuesOf: (attributes: Counted) => readonly (string | undefined)[],
    ): ParticipationCounts => {
      const counts: ParticipationCounts = {};
      for (const { registration, attributes } of counted) {
        const values = valuesOf(attributes).filter((value): value is string => value !== undefined);
        for (const value of values.length > 0 ? values : ['(ohne Angabe)']) {
          const row = (counts[value] ??= { registered: 0, confirmed: 0, attended: 0 });
          row.registered += 1;
          if (registration.snapshot.status === 'confirmed') row.confirmed += 1;
          if (attendedAny(registration.snapshot)) row.attended += 1;
        }
      }
      return counts;
    };
    return {
      totals: {
        registered: counted.length,
        confirmed: counted.filter(({ registration }) => registration.snapshot.status === 'confirmed').length,
        attended: counted.filter(({ registration }) => attendedAny(registration.snapshot)).length,
      },
      byFederalState: tally((attributes) => [attributes.federalState]),
      bySector: tally((attributes) => [attributes.sector]),
      byTheme: tally((attributes) => attributes.themes),
      bySizeClass: tally((attributes) => [attributes.sizeClass]),
    };
  }

  /** The months of this run's year, and the active members at the end of each beyond `before` at the start. */
  expectedMonths(before: number): MembershipMonthReply[] {
    const monthOf = (at: Date | undefined) => at && berlinDate(at).slice(0, 7);
    const months = Array.from(
      { length: 12 },
      (_, index) => `${this.year}-${String(index + 1).padStart(2, '0')}`,
    );
    return months.map((month) => ({
      month,
      invited: this.members.filter((member) => monthOf(member.invitedAt) === month).length,
      accepted: this.members.filter((member) => monthOf(member.joinedAt) === month).length,
      declined: this.members.filter((member) => monthOf(member.declinedAt) === month).length,
      left: this.members.filter((member) => monthOf(member.leftAt) === month).length,
      members:
        before +
        this.members.filter((member) => {
          const joined = monthOf(member.joinedAt);
          const left = monthOf(member.leftAt);
          return joined !== undefined && joined <= month && !(left !== undefined && left <= month);
        }).length,
    }));
  }

  expectedWorkingGroups(): { workingGroupId: string; name: string; members: number }[] {
    return this.workingGroups.map(({ id, name }) => ({
      workingGroupId: id,
      name,
      members: this.members.filter((member) => member.status === 'active' && member.groups.has(id)).length,
    }));
  }

  /** Names, e-mail addresses and municipalities of the produced members: none may reach a projection. */
  personalData(): string[] {
    return this.members.flatMap((member) => [
      member.profile.lastName,
      `${member.profile.firstName} ${member.profile.lastName}`,
      member.profile.email,
      ...(member.profile.phone ? [member.profile.phone] : []),
      ...(member.profile.municipality
        ? [member.profile.municipality.name, member.profile.municipality.ags]
        : []),
    ]);
  }

  private attributesOf(registration: SimRegistration): Counted {
    if (registration.municipality) {
      const { federalState, sizeClass } = registration.municipality;
      return { federalState, sector: 'Kommune', themes: [], sizeClass };
    }
    const { profile, sizeClass } = registration.member;
    return { federalState: profile.federalState, sector: profile.sector, themes: profile.themes, sizeClass };
  }

  // ---- membership ----

  private createWorkingGroups(): void {
    for (const [index, name] of ['Nachhaltigkeit', 'Digitales', 'Ländliche Räume'].entries()) {
      const id = `ag-${this.run}-${index + 1}`;
      this.workingGroups.push({ id, name: `${name} ${this.run}` });
      this.publish(
        WorkingGroupCreatedEvent,
        id,
        { workingGroupId: id, name: `${name} ${this.run}`, createdBy: { subject: 'staff-1', role: 'staff' } },
        this.at(0, 1),
      );
    }
  }

  private appointMember(index: number): void {
    const id = randomUUID();
    const { profile, sizeClass } = this.newProfile(index);
    // The first one is appointed at 23:30 UTC on 31 January: already February in Berlin.
    const invitedAt =
      index === 0
        ? new Date(`${this.year}-01-31T23:30:00.000Z`)
        : this.at(this.pick([0, 1, 2, 3, 4, 5]), 1 + this.int(27));
    const member: SimMember = { id, profile, sizeClass, status: 'invited', invitedAt, groups: new Set() };
    this.members.push(member);
    this.publish(
      MemberInvitedEvent,
      id,
      {
        memberId: id,
        invitationId: id,
        invitedBy: { subject: 'staff-1', role: 'staff' },
        profile,
        expiresAt: new Date(invitedAt.getTime() + 30 * DAY).toISOString(),
        invitationToken: `v1.${this.token()}.${this.token()}`,
      },
      invitedAt,
    );
    const answer = this.random();
    if (answer < 0.12) {
      member.status = 'declined';
      member.declinedAt = new Date(invitedAt.getTime() + (1 + this.int(20)) * DAY);
      this.publish(InvitationDeclinedEvent, id, { memberId: id, invitationId: id }, member.declinedAt);
      return;
    }
    if (answer < 0.17) return;
    member.status = 'active';
    member.joinedAt = new Date(invitedAt.getTime() + (1 + this.int(35)) * DAY + this.int(20) * HOUR);
    this.publish(
      MemberActivatedEvent,
      id,
      { memberId: id, invitationId: id, joinedAt: member.joinedAt.toISOString(), profile },
      member.joinedAt,
    );
    const self = { subject: id, role: 'member' } as const;
    if (this.random() < 0.3)
      this.publish(
        SignInLinkRequestedEvent,
        id,
        {
          memberId: id,
          expiresAt: member.joinedAt.toISOString(),
          signInToken: `v1.${this.token()}.${this.token()}`,
        },
        member.joinedAt,
      );
    for (const group of this.workingGroups) {
      if (this.random() < 0.45) {
        member.groups.add(group.id);
        this.publish(
          MemberJoinedWorkingGroupEvent,
          id,
          { memberId: id, workingGroupId: group.id, changedBy: self },
          member.joinedAt,
        );
      }
    }
    if (this.random() < 0.3) {
      const moved = this.newProfile(index + 1000);
      member.profile = {
        ...moved.profile,
        firstName: profile.firstName,
        lastName: profile.lastName,
        email: profile.email,
      };
      member.sizeClass = moved.sizeClass;
      this.publish(
        MemberProfileUpdatedEvent,
        id,
        {
          memberId: id,
          changedBy: self,
          changedFields: ['federalState', 'sector', 'municipality', 'themes'],
          profile: member.profile,
        },
        new Date(member.joinedAt.getTime() + DAY),
      );
    }
    const leftGroup = [...member.groups].find(() => this.random() < 0.15);
    if (leftGroup) {
      member.groups.delete(leftGroup);
      this.publish(
        MemberLeftWorkingGroupEvent,
        id,
        { memberId: id, workingGroupId: leftGroup, changedBy: self },
        new Date(member.joinedAt.getTime() + 2 * DAY),
      );
    }
  }

  /** Some members leave after the events of the summer. */
  private departures(): void {
    for (const member of this.members.filter((candidate) => candidate.status === 'active')) {
      if (this.random() >= 0.1) continue;
      member.status = 'inactive';
      member.leftAt = this.at(8 + this.int(4), 1 + this.int(27));
      this.publish(
        MemberDeactivatedEvent,
        member.id,
        {
          memberId: member.id,
          reason: this.random() < 0.5 ? 'left' : 'ended-by-staff',
          deactivatedBy: { subject: 'staff-1', role: 'staff' },
          leftAt: member.leftAt.toISOString(),
        },
        member.leftAt,
      );
    }
  }

  private newProfile(index: number): { profile: MemberProfile; sizeClass?: MunicipalitySizeClass } {
    const federalState = this.pick(FederalStateCodes);
    const sector = this.random() < 0.55 ? 'Kommune' : this.pick(Sectors);
    const firstName = this.pick(FIRST_NAMES);
    const lastName = `${this.pick(LAST_NAMES)}-${this.run}${index}`;
    const themes = Themes.filter(() => this.random() < 0.2);
    const base = {
      salutation: this.pick(['Frau', 'Herr', 'keine'] as const),
      firstName,
      lastName,
      email: `${firstName.toLowerCase().replace(/[^a-z]/g, '')}.${this.run}${index}@kommune-${index}.example`,
      phone: `+49 30 ${1000 + index}-${this.int(90) + 10}`,
      sector,
      federalState,
      themes,
    };
    if (sector !== 'Kommune') return { profile: { ...base, organisation: `Institut ${this.run} ${index}` } };
    const [population, sizeClass] = this.pick(MUNICIPALITIES);
    const town = `${this.pick(TOWNS)} ${this.run}${index}`;
    const ags = `${FederalStates[federalState].agsPrefix}${String(100_000 + index).slice(-6)}`;
    return {
      profile: {
        ...base,
        organisation: `Gemeinde ${town}`,
        officeTitle: 'Bürgermeisterin',
        municipality: { name: town, ags, population },
      },
      sizeClass,
    };
  }

  // ---- events and registrations ----

  private holdEvent(index: number): void {
    const eventId = randomUUID();
    const kind =
      index % 4 === 3 ? 'kommunalzirkel' : index % 4 === 2 ? 'deutschlandforum' : 'innovators-lounge';
    const capacity = kind === 'kommunalzirkel' ? 6 + this.int(4) : 20 + this.int(50);
    const opensAt = this.at(6, 1 + index);
    const startsAt = this.at(9, 10 + index);
    const template =
      kind === 'kommunalzirkel'
        ? DelegationChangedEvent.example.event
        : kind === 'deutschlandforum'
          ? RegistrationSessionsChangedEvent.example.event
          : exampleLoungeSnapshot;
    const event: SimEvent = {
      snapshot: {
        ...template,
        eventId,
        revision: 0,
        status: 'draft',
        title: `${template.title} (${this.run} ${index + 1})`,
        capacity,
        startsAt: formatBerlinTime(startsAt),
        endsAt: formatBerlinTime(new Date(startsAt.getTime() + 6 * HOUR)),
        registration: {
          opensAt: formatBerlinTime(opensAt),
          closesAt: formatBerlinTime(new Date(startsAt.getTime() - 7 * DAY)),
        },
        documents: [],
        createdAt: this.at(5, 2).toISOString(),
        updatedAt: this.at(5, 2).toISOString(),
      },
      registrations: [],
      outcome: index === 1 ? 'cancelled' : index === 2 ? 'open' : 'held',
    };
    this.events.push(event);
    const staff = { subject: 'staff-1', role: 'staff' } as const;
    this.changeEvent(event, EventDraftedEvent, 'draft', this.at(5, 2), staff);
    this.changeEvent(event, EventAnnouncedEvent, 'announced', this.at(5, 3), staff);
    // The office opens some early; the others open at the window's time.
    const openedAt = index % 2 === 0 ? new Date(opensAt.getTime() - 2 * DAY) : opensAt;
    this.changeEvent(
      event,
      RegistrationOpenedEvent,
      'registration-open',
      openedAt,
      index % 2 === 0 ? staff : undefined,
    );
    event.openedAt = openedAt;

    if (index === 0) {
      this.publish(
        InterestDeclaredEvent,
        eventId,
        {
          ...InterestDeclaredEvent.example,
          eventId,
          interestId: randomUUID(),
          declaredAt: this.at(5, 4).toISOString(),
        },
        this.at(5, 4),
      );
    }
    this.register(event, openedAt);
    if (index === 0) this.tellEventChanged(event);
    if (event.outcome === 'open') return;
    if (event.outcome === 'cancelled') {
      this.cancelEvent(event);
      return;
    }
    this.changeEvent(
      event,
      RegistrationClosedEvent,
      'registration-closed',
      new Date(startsAt.getTime() - 7 * DAY),
    );
    this.changeEvent(event, EventHeldEvent, 'held', new Date(startsAt.getTime() + 7 * HOUR));
    this.recordAttendance(event, new Date(startsAt.getTime() + HOUR));
  }

  private changeEvent(
    event: SimEvent,
    contract: EventContract<ClubEventChange>,
    status: ClubEventSnapshot['status'],
    at: Date,
    by?: { subject: string; role: 'staff' },
  ): void {
    event.snapshot = {
      ...event.snapshot,
      status,
      revision: event.snapshot.revision + 1,
      updatedAt: at.toISOString(),
    };
    this.publish(
      contract,
      event.snapshot.eventId,
      {
        eventId: event.snapshot.eventId,
        revision: event.snapshot.revision,
        ...(by ? { by } : {}),
        event: event.snapshot,
      },
      at,
    );
  }

  private register(event: SimEvent, openedAt: Date): void {
    const circle = event.snapshot.kind === 'kommunalzirkel';
    const candidates = this.members.filter(
      (member) =>
        member.status === 'active' &&
        member.joinedAt !== undefined &&
        member.joinedAt < openedAt &&
        (!circle || member.profile.municipality !== undefined),
    );
    const registrants = this.shuffle(candidates).slice(0, Math.ceil(event.snapshot.capacity * 1.5));
    let at = openedAt.getTime() - (event.snapshot.eventId.charCodeAt(0) % 2 === 0 ? 3 * HOUR : 0);
    for (const member of registrants) {
      at += this.int(30) * HOUR + this.int(60) * 60_000;
      this.registerOne(event, member, new Date(at), circle);
    }
    for (const registration of this.shuffle(event.registrations).slice(
      0,
      Math.floor(event.registrations.length / 4),
    )) {
      at += this.int(10) * HOUR;
      this.cancelOne(event, registration, new Date(at));
    }
  }

  private registerOne(event: SimEvent, member: SimMember, at: Date, circle: boolean): void {
    const confirmed = this.countOf(event, 'confirmed') < event.snapshot.capacity;
    const municipality = circle && member.profile.municipality ? member.profile.municipality : undefined;
    const delegation: DelegationPerson[] | undefined = municipality
      ? Array.from({ length: 1 + this.int(3) }, (_, index) => ({
          personId: randomUUID(),
          role: DelegationRoles[index],
          contact: `v1.${this.token()}.${this.token()}`,
        }))
      : undefined;
    const registration: SimRegistration = {
      member,
      ...(municipality && member.sizeClass
        ? { municipality: { federalState: member.profile.federalState, sizeClass: member.sizeClass } }
        : {}),
      waitlisted: !confirmed,
      promoted: false,
      snapshot: {
        registrationId: randomUUID(),
        eventId: event.snapshot.eventId,
        revision: 1,
        status: confirmed ? 'confirmed' : 'waiting',
        ...(confirmed
          ? { confirmedAt: at.toISOString() }
          : { waitingPlace: this.countOf(event, 'waiting') + 1 }),
        registrant: municipality
          ? {
              kind: 'municipality',
              memberId: member.id,
              municipality,
              federalState: member.profile.federalState,
            }
          : {
              kind: 'member',
              memberId: member.id,
              federalState: member.profile.federalState,
              sector: member.profile.sector,
              ...(member.profile.municipality ? { municipality: member.profile.municipality } : {}),
            },
        registeredBy: { subject: member.id, role: 'member' },
        sessions: [],
        ...(delegation ? { delegation } : {}),
        registeredAt: at.toISOString(),
      },
    };
    event.registrations.push(registration);
    this.publishRegistration(
      event,
      confirmed ? RegistrationConfirmedEvent : RegistrationWaitlistedEvent,
      registration,
      at,
      {
        by: { subject: member.id, role: 'member' },
      },
    );
    if (delegation && this.random() < 0.3) {
      const added = {
        personId: randomUUID(),
        role: 'other' as const,
        contact: `v1.${this.token()}.${this.token()}`,
      };
      this.change(registration, { delegation: [...delegation, added] });
      this.publishRegistration(event, DelegationChangedEvent, registration, new Date(at.getTime() + HOUR), {
        by: { subject: member.id, role: 'member' },
        added: [added.personId],
        changed: [],
        removed: [],
      });
    }
  }

  private cancelOne(event: SimEvent, registration: SimRegistration, at: Date): void {
    const previousStatus = registration.snapshot.status;
    if (previousStatus === 'cancelled') return;
    const by = { subject: registration.member.id, role: 'member' } as const;
    this.change(registration, {
      status: 'cancelled',
      cancelledAt: at.toISOString(),
      cancellation: { cause: 'registrant', by },
      waitingPlace: undefined,
    });
    this.renumberWaiting(event);
    this.publishRegistration(event, RegistrationCancelledEvent, registration, at, {
      by,
      cause: 'registrant',
      previousStatus,
    });
    const next = event.registrations.find(
      (candidate) => candidate.snapshot.status === 'waiting' && candidate.snapshot.waitingPlace === 1,
    );
    if (previousStatus !== 'confirmed' || !next) return;
    next.promoted = true;
    this.change(next, { status: 'confirmed', confirmedAt: at.toISOString(), waitingPlace: undefined });
    this.renumberWaiting(event);
    this.publishRegistration(event, RegistrationPromotedEvent, next, at, { cause: 'seat-freed' });
  }

  private cancelEvent(event: SimEvent): void {
    const at = this.at(8, 20);
    const previousStatus = event.snapshot.status as 'registration-open';
    const reason = 'Der Veranstaltungsort steht nicht zur Verfügung.';
    event.snapshot = {
      ...event.snapshot,
      status: 'cancelled',
      revision: event.snapshot.revision + 1,
      cancellation: {
        reason,
        cancelledAt: at.toISOString(),
        cancelledBy: { subject: 'staff-1', role: 'staff' },
      },
      updatedAt: at.toISOString(),
    };
    this.publish(
      EventCancelledEvent,
      event.snapshot.eventId,
      {
        eventId: event.snapshot.eventId,
        revision: event.snapshot.revision,
        by: { subject: 'staff-1', role: 'staff' },
        event: event.snapshot,
        reason,
        previousStatus,
      },
      at,
    );
    for (const registration of event.registrations.filter(
      (candidate) => candidate.snapshot.status !== 'cancelled',
    )) {
      const before = registration.snapshot.status as 'confirmed' | 'waiting';
      this.change(registration, {
        status: 'cancelled',
        cancelledAt: at.toISOString(),
        cancellation: { cause: 'event-cancelled' },
        waitingPlace: undefined,
      });
      this.publishRegistration(event, RegistrationCancelledEvent, registration, at, {
        cause: 'event-cancelled',
        previousStatus: before,
      });
    }
  }

  /** The office marks who came; once it takes a mark back. */
  private recordAttendance(event: SimEvent, at: Date): void {
    let tookBack = false;
    for (const registration of event.registrations.filter(
      (candidate) => candidate.snapshot.status === 'confirmed',
    )) {
      const { delegation } = registration.snapshot;
      if (delegation) {
        for (const person of delegation) {
          if (this.random() >= 0.75) continue;
          this.change(registration, {
            delegation: (registration.snapshot.delegation ?? []).map((other) =>
              other.personId === person.personId ? { ...other, attended: true } : other,
            ),
          });
          this.publishAttendance(event, registration, at, true, person.personId);
        }
        continue;
      }
      if (this.random() >= 0.8) continue;
      this.change(registration, { attended: true });
      this.publishAttendance(event, registration, at, true);
      if (!tookBack) {
        tookBack = true;
        this.change(registration, { attended: false });
        this.publishAttendance(event, registration, new Date(at.getTime() + HOUR), false);
      }
    }
  }

  private tellEventChanged(event: SimEvent): void {
    const registrations = event.registrations
      .filter((registration) => registration.snapshot.status !== 'cancelled')
      .slice(0, 100)
      .map((registration) => registration.snapshot);
    if (registrations.length === 0) return;
    this.publish(
      RegisteredEventChangedEvent,
      event.snapshot.eventId,
      {
        eventId: event.snapshot.eventId,
        eventRevision: event.snapshot.revision,
        changed: ['venue'],
        event: event.snapshot,
        registrations,
        part: 1,
        parts: 1,
      },
      this.at(8, 1),
    );
  }

  private sendMails(): void {
    for (const registration of this.events.flatMap((event) => event.registrations).slice(0, 200)) {
      const deliveryId = `registration-confirmed:${registration.snapshot.registrationId}`;
      this.publish(
        MailSentEvent,
        deliveryId,
        {
          deliveryId,
          kind: 'registration-confirmed',
          memberId: registration.member.id,
          causedBy: randomUUID(),
          sentAt: registration.snapshot.registeredAt,
          attempts: 1,
        },
        new Date(registration.snapshot.registeredAt),
      );
    }
  }

  /** As an outbox does after a crash: the same event (same ce_id) once more, sometimes after newer ones. */
  private publishSomeTwice(): void {
    const copies = this.published.filter(() => this.random() < 0.05);
    for (const copy of copies) {
      const later = this.published.findIndex((other) => other === copy) + 1 + this.int(40);
      this.published.splice(Math.min(later, this.published.length), 0, copy);
    }
  }

  private publishRegistration(
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

  private publishAttendance(
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
  private change(registration: SimRegistration, fields: Partial<RegistrationSnapshot>): void {
    const next = { ...registration.snapshot, ...fields, revision: registration.snapshot.revision + 1 };
    // JSON drops the fields given as undefined, as the wire would.
    registration.snapshot = JSON.parse(JSON.stringify(next)) as RegistrationSnapshot;
  }

  private renumberWaiting(event: SimEvent): void {
    let place = 0;
    for (const registration of event.registrations) {
      if (registration.snapshot.status !== 'waiting') continue;
      place += 1;
      registration.snapshot = { ...registration.snapshot, waitingPlace: place };
    }
  }

  private countOf(event: SimEvent, status: RegistrationSnapshot['status']): number {
    return event.registrations.filter((registration) => registration.snapshot.status === status).length;
  }

  private publish<T>(contract: EventContract<T>, subject: string, data: T, time: Date): void {
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
  private at(month: number, day: number): Date {
    return new Date(Date.UTC(this.year, month, Math.min(day, 28), this.int(24), this.int(60)));
  }

  private int(below: number): number {
    return Math.floor(this.random() * below);
  }

  private pick<T>(values: readonly T[]): T {
    return values[this.int(values.length)];
  }

  private shuffle<T>(values: readonly T[]): T[] {
    return values
      .map((value) => ({ value, order: this.random() }))
      .sort((a, b) => a.order - b.order)
      .map(({ value }) => value);
  }

  private token(): string {
    return Array.from({ length: 16 }, () =>
      this.pick([...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-']),
    ).join('');
  }
}

function attendedAny(snapshot: RegistrationSnapshot): boolean {
  return snapshot.delegation
    ? snapshot.delegation.some((person) => person.attended)
    : snapshot.attended === true;
}

/** A small deterministic generator (mulberry32), seeded by the run, so a failing stream can be made again. */
function seededRandom(seed: string): () => number {
  let state = [...seed].reduce((hash, char) => (Math.imul(hash, 31) + char.charCodeAt(0)) | 0, 7);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
