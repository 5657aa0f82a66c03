import { ANONYMOUS, CallerIdentity, MembershipRequests } from '@ic/contracts';
import { admitMember, invitationRequest, signInLinkTokenOf } from './membership-fixtures';
import { EventTypes, memberIdentity, MembershipService } from './membership-service';

/** The rules of the membership service, through its real request topic and database. */
describe('Membership service rules: profiles, lifecycle and working groups', () => {
  const service = new MembershipService();
  let staff: CallerIdentity;

  beforeAll(async () => {
    await service.start();
    staff = await service.staff();
  });

  afterAll(async () => {
    await service.stop();
  });

  describe('profiles and lifecycle', () => {
    it('lets a member edit only the own profile fields, and the office anything, keeping addresses unique', async () => {
      const member = await admitMember(service, staff);
      const other = await admitMember(service, staff);
      await expect(
        service.problemOf(
          MembershipRequests.updateOwnProfile,
          { firstName: 'Jonathan' } as never,
          member.identity,
        ),
      ).resolves.toMatchObject({ status: 400, errors: [expect.objectContaining({ field: 'firstName' })] });
      await expect(
        service.problemOf(
          MembershipRequests.updateMember,
          { memberId: other.id, phone: '+49 5264 1234' },
          member.identity,
        ),
      ).resolves.toMatchObject({ status: 403 });
      await expect(
        service.problemOf(
          MembershipRequests.updateMember,
          { memberId: member.id, email: other.email },
          staff,
        ),
      ).resolves.toMatchObject({
        status: 409,
        detail: 'Für diese E-Mail-Adresse besteht bereits eine Mitgliedschaft.',
      });
      await expect(
        service.problemOf(
          MembershipRequests.updateMember,
          { memberId: member.id, federalState: 'BY' },
          staff,
        ),
      ).resolves.toMatchObject({
        status: 422,
        errors: [expect.objectContaining({ field: 'municipality.ags' })],
      });

      const newEmail = `neu.${member.email}`;
      const changed = await service.send(
        MembershipRequests.updateMember,
        {
          memberId: member.id,
          email: newEmail,
          lastName: `Neumann-${service.suffix}`,
          position: 'Bürgermeister seit 2020',
        },
        staff,
      );
      expect(changed).toMatchObject({ email: newEmail, lastName: `Neumann-${service.suffix}` });
      const events = await service.published(member.id, [EventTypes.activated, EventTypes.profileUpdated]);
      expect(events.at(-1)?.data).toMatchObject({
        changedBy: { subject: staff.subject, role: 'staff' },
        changedFields: ['lastName', 'email', 'position'],
      });
      // The old address is free, the new one is taken.
      await service.send(
        MembershipRequests.invite,
        invitationRequest(service.suffix, { email: member.email }),
        staff,
      );
      await expect(
        service.problemOf(
          MembershipRequests.invite,
          invitationRequest(service.suffix, { email: newEmail }),
          staff,
        ),
      ).resolves.toMatchObject({ status: 409 });
    });

    it('ends a membership: no more sign-in or changes, hidden from members, visible to the office with its history', async () => {
      const member = await admitMember(service, staff);
      const colleague = await admitMember(service, staff);
      const token = await signInLinkTokenOf(service, member);
      const signedIn = await service.send(MembershipRequests.redeemSignInLink, { token }, ANONYMOUS);
      const sessionId = JSON.parse(
        Buffer.from(signedIn.accessToken.split('.')[1], 'base64url').toString(),
      ) as { sid: string };
      const self = memberIdentity(member.id, sessionId.sid);

      const left = await service.send(MembershipRequests.leave, { note: 'Neue Aufgaben.' }, self);
      expect(left).toMatchObject({ status: 'inactive', leaveReason: 'left', leftAt: expect.any(String) });
      const [deactivated] = (await service.published(member.id, [EventTypes.deactivated])).filter(
        (event) => event.type === EventTypes.deactivated,
      );
      expect(deactivated.data).toMatchObject({
        reason: 'left',
        note: 'Neue Aufgaben.',
        deactivatedBy: { subject: member.id, role: 'member' },
      });

      await expect(
        service.send(MembershipRequests.sessionActive, { sessionId: sessionId.sid }, self),
      ).resolves.toEqual({
        active: false,
      });
      await expect(
        service.problemOf(MembershipRequests.updateOwnProfile, { phone: '+49 1234 5678' }, self),
      ).resolves.toMatchObject({ status: 422 });
      await expect(
        service.problemOf(MembershipRequests.joinWorkingGroup, { workingGroupId: 'digitales' }, self),
      ).resolves.toMatchObject({ status: 422 });
      await expect(service.problemOf(MembershipRequests.leave, {}, self)).resolves.toMatchObject({
        status: 422,
      });
      await expect(
        service.problemOf(MembershipRequests.getMember, { memberId: member.id }, colleague.identity),
      ).resolves.toMatchObject({ status: 404 });
      await expect(
        service.send(MembershipRequests.getMember, { memberId: member.id }, staff),
      ).resolves.toMatchObject({
        status: 'inactive',
      });
      const seenByMember = await service.send(
        MembershipRequests.directory,
        { limit: 100 },
        colleague.identity,
      );
      expect(seenByMember.items.map((item) => item.id)).not.toContain(member.id);
      const seenByStaff = await service.send(MembershipRequests.directory, { limit: 100 }, staff);
      expect(seenByStaff.items.map((item) => item.id)).toContain(member.id);

      const history = await service.send(
        MembershipRequests.history,
        { memberId: member.id, limit: 1 },
        staff,
      );
      expect(history.items[0].summary).toMatch(
        /^Mitgliedschaft beendet: ausgetreten zum \d\d\.\d\d\.\d{4}, Notiz: „Neue Aufgaben.“$/,
      );
      const rest = await service.send(
        MembershipRequests.history,
        { memberId: member.id, cursor: history.nextCursor ?? '' },
        staff,
      );
      expect(rest.items.map((item) => item.type)).toEqual([EventTypes.activated, EventTypes.invited]);
      expect(rest.nextCursor).toBeNull();

      await expect(
        service.problemOf(MembershipRequests.endMembership, { memberId: member.id }, staff),
      ).resolves.toMatchObject({ status: 422 });
    });
  });

  describe('working groups', () => {
    it('has the two standard groups, lets the office add one, and members join and leave with counts', async () => {
      const id = `smartes-land-${service.suffix}`;
      const member = await admitMember(service, staff);
      await expect(
        service.problemOf(
          MembershipRequests.createWorkingGroup,
          { id, name: 'Smartes Land' },
          member.identity,
        ),
      ).resolves.toMatchObject({ status: 403 });
      await expect(
        service.send(
          MembershipRequests.createWorkingGroup,
          { id, name: 'Smartes Land', description: 'Dörfer digital' },
          staff,
        ),
      ).resolves.toEqual({ id, name: 'Smartes Land', description: 'Dörfer digital', memberCount: 0 });
      const [created] = await service.published(id, [EventTypes.workingGroupCreated]);
      expect(created).toMatchObject({
        key: id,
        data: {
          workingGroupId: id,
          name: 'Smartes Land',
          createdBy: { subject: staff.subject, role: 'staff' },
        },
      });
      await expect(
        service.problemOf(MembershipRequests.createWorkingGroup, { id, name: 'Noch einmal' }, staff),
      ).resolves.toMatchObject({ status: 409 });

      await service.send(MembershipRequests.joinWorkingGroup, { workingGroupId: id }, member.identity);
      const groups = await service.send(MembershipRequests.listWorkingGroups, {}, member.identity);
      expect(groups).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: 'nachhaltigkeit', name: 'Nachhaltigkeit' }),
          expect.objectContaining({ id: 'digitales', name: 'Digitales' }),
          { id, name: 'Smartes Land', description: 'Dörfer digital', memberCount: 1 },
        ]),
      );
      const left = await service.send(
        MembershipRequests.leaveWorkingGroup,
        { workingGroupId: id },
        member.identity,
      );
      expect(left.workingGroups).toEqual([]);
      await service.published(member.id, [EventTypes.joined, EventTypes.left]);
      await expect(
        service.problemOf(
          MembershipRequests.joinWorkingGroup,
          { workingGroupId: 'gibt-es-nicht' },
          member.identity,
        ),
      ).resolves.toMatchObject({ status: 404, detail: 'Diese Arbeitsgruppe gibt es nicht.' });
      await expect(
        service.problemOf(MembershipRequests.joinWorkingGroup, { workingGroupId: id }, staff),
      ).resolves.toMatchObject({ status: 403 });
    });
  });
});
