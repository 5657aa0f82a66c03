import {
  FederalStateCodes,
  FederalStates,
  InvitationDeclinedEvent,
  MemberActivatedEvent,
  MemberDeactivatedEvent,
  MemberInvitedEvent,
  MemberJoinedWorkingGroupEvent,
  MemberLeftWorkingGroupEvent,
  MemberProfile,
  MemberProfileUpdatedEvent,
  MunicipalitySizeClass,
  Sectors,
  SignInLinkRequestedEvent,
  Themes,
  WorkingGroupCreatedEvent,
} from '@ic/contracts';
import { randomUUID } from 'node:crypto';
import { MUNICIPALITIES, FIRST_NAMES, LAST_NAMES, TOWNS, HOUR, DAY, SimMember } from './club-stream-base';
import { ClubStreamBase } from './club-stream-base';

/** The membership part of the simulated stream: working groups, appointments and their answers, profiles, departures. */
export abstract class ClubStreamMembers extends ClubStreamBase {
  // ---- membership ----

  protected createWorkingGroups(): void {
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

  protected appointMember(index: number): void {
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
  protected departures(): void {
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

  protected newProfile(index: number): { profile: MemberProfile; sizeClass?: MunicipalitySizeClass } {
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
}
