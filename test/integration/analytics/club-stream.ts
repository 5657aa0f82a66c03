import { berlinDate, EventFigures, MembershipMonthReply } from '@ic/contracts';
import { KafkaConnection, OutgoingMessage } from '@ic/messaging';
import {
  DAY,
  SimMember,
  SimRegistration,
  SimEvent,
  Counted,
  ParticipationCounts,
  ExpectedParticipation,
  attendedAny,
} from './club-stream-base';
import { MemberAggregate } from '../../../services/membership/src/members/member.aggregate';
import { ClubStreamEvents } from './club-stream-events';

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

export class ClubStream extends ClubStreamEvents {
  constructor(run: string, scale: { members: number; events: number }) {
    super(run);
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
   * MemberAggregate.erase): an active member leaves that day and leaves their groups. Returns how many
   * messages were added; `sendLast` sends them.
   */
  erase(members: readonly SimMember[], at: Date): number {
    const before = this.published.length;
    const erasedBy = { subject: 'staff-1', role: 'staff' } as const;
    for (const member of members) {
      const erased = MemberAggregate.of({
        id: member.id,
        revision: 0,
        profile: member.profile,
        status: member.status === 'active' ? ('active' as const) : ('inactive' as const),
        workingGroups: [...member.groups],
        joinedAt: member.joinedAt ?? member.invitedAt,
        announcementsOptOut: false,
      });
      erased.erase(erasedBy, at);
      for (const { contract, data } of erased.takeFacts()) this.publish(contract, member.id, data, at);
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
}
