import { ANONYMOUS, CallerIdentity, InvitationReply, MembershipRequests, Page } from '@ic/contracts';
import { admitMember, invitationRequest, invitationTokenOf } from './membership-fixtures';
import { EventTypes, MembershipService } from './membership-service';

const past = () => new Date(Date.now() - 60_000);

/** The rules of the membership service, through its real request topic and database. */
describe('Membership service rules: invitations', () => {
  const service = new MembershipService();
  let staff: CallerIdentity;

  beforeAll(async () => {
    await service.start();
    staff = await service.staff();
  });

  afterAll(async () => {
    await service.stop();
  });

  describe('invitations', () => {
    it('refuses a second invitation to a member or to an open invitation with 409, and frees the address when an invitation ends', async () => {
      const member = await admitMember(service, staff);
      const toMember = await service.problemOf(
        MembershipRequests.invite,
        invitationRequest(service.suffix, { email: member.email }),
        staff,
      );
      expect(toMember).toMatchObject({
        status: 409,
        detail: 'Für diese E-Mail-Adresse besteht bereits eine Mitgliedschaft.',
      });

      const open = invitationRequest(service.suffix);
      const first = await service.send(MembershipRequests.invite, open, staff);
      const again = await service.problemOf(
        MembershipRequests.invite,
        { ...open, email: ` ${open.email.toUpperCase()} ` },
        staff,
      );
      expect(again).toMatchObject({
        status: 409,
        detail: 'Für diese E-Mail-Adresse besteht bereits eine offene Einladung.',
      });

      // Declined: the address is free again.
      const token = await invitationTokenOf(service, first.id);
      await expect(
        service.send(
          MembershipRequests.declineInvitation,
          { token, reason: 'Terminlich leider nicht möglich.' },
          ANONYMOUS,
        ),
      ).resolves.toEqual({ declined: true });
      const declined = await service.published(first.id, [EventTypes.invited, EventTypes.declined]);
      expect(declined[1].data).toEqual({
        memberId: first.id,
        invitationId: first.id,
        reason: 'Terminlich leider nicht möglich.',
      });
      const second = await service.send(MembershipRequests.invite, open, staff);

      // Revoked: free again, and its link no longer works.
      await expect(
        service.send(MembershipRequests.revokeInvitation, { invitationId: second.id }, staff),
      ).resolves.toMatchObject({ status: 'revoked' });
      const revokedToken = await invitationTokenOf(service, second.id);
      await expect(
        service.problemOf(MembershipRequests.acceptInvitation, { token: revokedToken }, ANONYMOUS),
      ).resolves.toMatchObject({ status: 422, detail: expect.stringContaining('zurückgezogen') });
      await expect(
        service.send(MembershipRequests.previewInvitation, { token: revokedToken }, ANONYMOUS),
      ).resolves.toMatchObject({ status: 'revoked' });
      const revoked = await service.published(second.id, [EventTypes.invited, EventTypes.revoked]);
      expect(revoked[1].data).toEqual({
        memberId: second.id,
        invitationId: second.id,
        revokedBy: { subject: staff.subject, role: 'staff' },
      });

      // Expired: does not block a new invitation either.
      const third = await service.send(MembershipRequests.invite, open, staff);
      await service.db
        .collection('invitations')
        .updateOne({ _id: third.id as never }, { $set: { expiresAt: past() } });
      await expect(
        service.send(MembershipRequests.getInvitation, { invitationId: third.id }, staff),
      ).resolves.toMatchObject({ status: 'expired' });
      const fourth = await service.send(MembershipRequests.invite, open, staff);
      expect(fourth.status).toBe('open');

      const listed = await service.send(MembershipRequests.listInvitations, { status: 'expired' }, staff);
      expect(listed.items.map((item) => item.id)).toContain(third.id);
      const openOnes = await service.send(
        MembershipRequests.listInvitations,
        { status: 'open', limit: 100 },
        staff,
      );
      expect(openOnes.items.map((item) => item.id)).toEqual(expect.arrayContaining([fourth.id]));
      expect(openOnes.items.map((item) => item.id)).not.toContain(third.id);
    });

    it('refuses an expired link with 422 and a used one with 409, with clear messages', async () => {
      const expiring = await service.send(
        MembershipRequests.invite,
        invitationRequest(service.suffix),
        staff,
      );
      const expiredToken = await invitationTokenOf(service, expiring.id);
      await service.db
        .collection('invitations')
        .updateOne({ _id: expiring.id as never }, { $set: { expiresAt: past() } });
      await expect(
        service.problemOf(MembershipRequests.acceptInvitation, { token: expiredToken }, ANONYMOUS),
      ).resolves.toMatchObject({
        status: 422,
        detail: 'Diese Einladung ist abgelaufen. Bitte wenden Sie sich an die Geschäftsstelle.',
      });
      await expect(
        service.send(MembershipRequests.previewInvitation, { token: expiredToken }, ANONYMOUS),
      ).resolves.toMatchObject({ status: 'expired' });

      const member = await admitMember(service, staff);
      const usedToken = await invitationTokenOf(service, member.id);
      const answeredAgain = [
        await service.problemOf(MembershipRequests.acceptInvitation, { token: usedToken }, ANONYMOUS),
        await service.problemOf(MembershipRequests.declineInvitation, { token: usedToken }, ANONYMOUS),
      ];
      for (const problem of answeredAgain) {
        expect(problem).toMatchObject({ status: 409, detail: 'Diese Einladung wurde bereits beantwortet.' });
      }
      await expect(
        service.problemOf(MembershipRequests.previewInvitation, { token: 'x'.repeat(43) }, ANONYMOUS),
      ).resolves.toMatchObject({ status: 404, detail: 'Diese Einladung gibt es nicht.' });
    });

    it('resends an open invitation with a new link and a new expiry; the old link is dead', async () => {
      const invitation = await service.send(
        MembershipRequests.invite,
        invitationRequest(service.suffix),
        staff,
      );
      const oldToken = await invitationTokenOf(service, invitation.id);
      const resent = await service.send(
        MembershipRequests.resendInvitation,
        { invitationId: invitation.id },
        staff,
      );
      expect(resent).toMatchObject({ status: 'open', sentCount: 2 });
      const events = await service.published(invitation.id, [EventTypes.invited, EventTypes.resent]);
      const newToken = service.open(events[1].data.invitationToken);
      expect(newToken).not.toBe(oldToken);
      expect(events[1].data).toMatchObject({
        resentBy: { subject: staff.subject, role: 'staff' },
        expiresAt: resent.expiresAt,
      });
      await expect(
        service.problemOf(MembershipRequests.acceptInvitation, { token: oldToken }, ANONYMOUS),
      ).resolves.toMatchObject({ status: 404 });
      await expect(
        service.send(MembershipRequests.acceptInvitation, { token: newToken }, ANONYMOUS),
      ).resolves.toEqual({ memberId: invitation.id });
      await expect(
        service.problemOf(MembershipRequests.resendInvitation, { invitationId: invitation.id }, staff),
      ).resolves.toMatchObject({ status: 409 });
    });

    it('lists invitations newest first, page by page, without gaps or repeats', async () => {
      const created: string[] = [];
      for (let index = 0; index < 3; index++) {
        created.push(
          (await service.send(MembershipRequests.invite, invitationRequest(service.suffix), staff)).id,
        );
      }
      const listed: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<InvitationReply> = await service.send(
          MembershipRequests.listInvitations,
          { limit: 2, ...(cursor ? { cursor } : {}) },
          staff,
        );
        expect(page.items.length).toBeLessThanOrEqual(2);
        listed.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(listed).size).toBe(listed.length);
      expect(listed.filter((id) => created.includes(id))).toEqual([...created].reverse());
    });

    it('checks the municipality: required for Kommune, AGS of the Land, plausible population; nothing is stored', async () => {
      const cases = [
        [
          { municipality: { name: 'Kalletal', ags: '09766040', population: 13_900 } },
          'municipality.ags',
          /gehört zu Bayern, nicht zu Nordrhein-Westfalen/,
        ],
        [{ municipality: undefined }, 'municipality', /Sektor Kommune/],
        [
          { municipality: { name: 'Kalletal', ags: '05766040', population: 0 } },
          'municipality.population',
          /mindestens 1/,
        ],
        [
          { municipality: { name: 'Kalletal', ags: '05766040', population: 4_500_000 } },
          'municipality.population',
          /nicht plausibel/,
        ],
      ] as const;
      for (const [override, field, message] of cases) {
        const request = invitationRequest(service.suffix, override);
        const problem = await service.problemOf(MembershipRequests.invite, request, staff);
        expect({ field, problem }).toMatchObject({
          field,
          // Rules between fields and beyond the schema: 422, the fields named as for a 400.
          problem: { status: 422, errors: [{ field, message: expect.stringMatching(message) }] },
        });
        const listed = await service.send(MembershipRequests.listInvitations, { limit: 100 }, staff);
        expect(listed.items.map((item) => item.email)).not.toContain(request.email);
      }
    });

    it('refuses unknown fields, wrong types and operator injection with 400 naming the field', async () => {
      const valid = invitationRequest(service.suffix);
      // As a client may send them, past the types.
      const injected: typeof valid = { ...valid, email: JSON.parse('{ "$gt": "" }') };
      await expect(service.problemOf(MembershipRequests.invite, injected, staff)).resolves.toMatchObject({
        status: 400,
        errors: expect.arrayContaining([expect.objectContaining({ field: 'email' })]),
      });
      const unknown = { ...valid, isAdmin: true } as typeof valid;
      await expect(service.problemOf(MembershipRequests.invite, unknown, staff)).resolves.toMatchObject({
        status: 400,
        errors: expect.arrayContaining([expect.objectContaining({ field: 'isAdmin' })]),
      });
      const search: { q: string } = JSON.parse('{ "q": { "$regex": ".*" } }');
      await expect(service.problemOf(MembershipRequests.directory, search, staff)).resolves.toMatchObject({
        status: 400,
        errors: expect.arrayContaining([expect.objectContaining({ field: 'q' })]),
      });
    });

    it('keeps an address with umlauts after the @ in its ASCII form, and refuses them before it with 400 naming email', async () => {
      const typed = `Jonas.${service.suffix}@Gemeinde-Lütjenburg.example`;
      const ascii = `jonas.${service.suffix}@xn--gemeinde-ltjenburg-v6b.example`;
      const invited = await service.send(
        MembershipRequests.invite,
        invitationRequest(service.suffix, { email: typed }),
        staff,
      );
      expect(invited.email).toBe(ascii);
      const [event] = await service.published(invited.id, [EventTypes.invited]);
      expect(event.data.profile).toMatchObject({ email: ascii });
      await expect(
        service.problemOf(
          MembershipRequests.invite,
          invitationRequest(service.suffix, { email: ascii }),
          staff,
        ),
      ).resolves.toMatchObject({
        status: 409,
        detail: 'Für diese E-Mail-Adresse besteht bereits eine offene Einladung.',
      });

      const member = await admitMember(service, staff);
      const refused = [
        `jörg.${service.suffix}@kalletal.example`,
        `"jörg ${service.suffix}"@kalletal.example`,
      ];
      for (const email of refused) {
        const problems = [
          await service.problemOf(
            MembershipRequests.invite,
            invitationRequest(service.suffix, { email }),
            staff,
          ),
          await service.problemOf(MembershipRequests.updateMember, { memberId: member.id, email }, staff),
        ];
        for (const problem of problems) {
          expect({ email, problem }).toMatchObject({
            email,
            problem: {
              status: 400,
              errors: [
                { field: 'email', message: expect.stringMatching(/^email darf vor dem @ nur .* Bitte /) },
              ],
            },
          });
        }
      }
      const claims = await service.db
        .collection('email_claims')
        .countDocuments({ email: { $in: refused.map((email) => email.toLowerCase()) } });
      expect(claims).toBe(0);
    });

    it('claims no address when the event of an invitation or a change is refused, so it stays free', async () => {
      // 4,000 characters as the request counts them (it leaves out an emoji's variation selector),
      // 4,001 as the event's schema counts them: the event is refused after the request was accepted.
      const counted4001 = `${'a'.repeat(3_999)}❤️`;
      const request = invitationRequest(service.suffix, { personalMessage: counted4001 });
      const refused = await service.problemOf(MembershipRequests.invite, request, staff);
      expect(refused.status).toBeGreaterThanOrEqual(400);
      const unclaimed = { email: request.email, releasedAt: { $exists: false } };
      await expect(service.db.collection('email_claims').countDocuments(unclaimed)).resolves.toBe(0);
      await expect(
        service.send(MembershipRequests.invite, { ...request, personalMessage: 'Willkommen!' }, staff),
      ).resolves.toMatchObject({ email: request.email, status: 'open' });

      const member = await admitMember(service, staff);
      const newEmail = `neu.${member.email}`;
      const change = await service.problemOf(
        MembershipRequests.updateMember,
        { memberId: member.id, email: newEmail, biography: counted4001.slice(2_000) },
        staff,
      );
      expect(change.status).toBeGreaterThanOrEqual(400);
      await expect(
        service.db
          .collection('email_claims')
          .countDocuments({ email: newEmail, releasedAt: { $exists: false } }),
      ).resolves.toBe(0);
    });

    it('lets only the office invite and see invitations', async () => {
      const member = await admitMember(service, staff);
      await expect(
        service.problemOf(MembershipRequests.invite, invitationRequest(service.suffix), member.identity),
      ).resolves.toMatchObject({ status: 403 });
      await expect(
        service.problemOf(MembershipRequests.listInvitations, {}, member.identity),
      ).resolves.toMatchObject({
        status: 403,
      });
      await expect(
        service.problemOf(MembershipRequests.invite, invitationRequest(service.suffix), ANONYMOUS),
      ).resolves.toMatchObject({ status: 401 });
    });
  });
});
