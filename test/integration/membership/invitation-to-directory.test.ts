import {
  ANONYMOUS,
  AccessTokenReply,
  CallerIdentity,
  DirectoryEntryReply,
  MemberReply,
  MembershipRequests,
} from '@ic/contracts';
import { JwtService } from '@nestjs/jwt';
import { admitMember, invitationRequest, signInLinkTokenOf } from './membership-fixtures';
import { EventTypes, memberIdentity, MembershipService } from './membership-service';

/**
 * The way of a new member through the real membership service: appointed by the office, accepts
 * by link, signs in by link, edits the profile, joins a working group, shows up in the directory.
 * Asserts the replies and what was published on ic.membership.v1.
 */
describe('Membership service: from invitation to directory', () => {
  const service = new MembershipService();
  let staff: CallerIdentity;

  beforeAll(async () => {
    await service.start();
    staff = await service.staff();
  });

  afterAll(async () => {
    await service.stop();
  });

  it('takes an appointed person through accepting, signing in, editing the profile and joining a working group into the directory', async () => {
    // The office appoints.
    const request = invitationRequest(service.suffix, { lastName: `Müller-${service.suffix}` });
    const invitation = await service.send(MembershipRequests.invite, request, staff);
    expect(invitation).toMatchObject({
      status: 'open',
      email: request.email,
      invitedBy: staff.subject,
      sentCount: 1,
      municipality: { ags: '05766040' },
    });
    const [invited] = await service.published(invitation.id, [EventTypes.invited]);
    expect(invited).toMatchObject({
      key: invitation.id,
      subject: invitation.id,
      correlationId: expect.stringMatching(/^test-/),
      data: {
        memberId: invitation.id,
        invitationId: invitation.id,
        invitedBy: { subject: staff.subject, role: 'staff' },
        profile: { email: request.email, lastName: request.lastName, officeTitle: 'Bürgermeister' },
        personalMessage: request.personalMessage,
      },
    });
    const invitationToken = service.open(invited.data.invitationToken);
    expect(JSON.stringify(invited.data)).not.toContain(invitationToken);

    // The person opens the link and accepts, without an account.
    const preview = await service.send(
      MembershipRequests.previewInvitation,
      { token: invitationToken },
      ANONYMOUS,
    );
    expect(preview).toEqual({
      salutation: 'Herr',
      officeTitle: 'Bürgermeister',
      firstName: 'Jonas',
      lastName: request.lastName,
      organisation: 'Gemeinde Kalletal',
      personalMessage: request.personalMessage,
      expiresAt: invitation.expiresAt,
      status: 'open',
    });
    await expect(
      service.send(MembershipRequests.acceptInvitation, { token: invitationToken }, ANONYMOUS),
    ).resolves.toEqual({ memberId: invitation.id });
    const activated = await service.published(invitation.id, [EventTypes.invited, EventTypes.activated]);
    expect(activated[1].data).toMatchObject({ memberId: invitation.id, profile: { email: request.email } });
    await expect(
      service.send(MembershipRequests.getInvitation, { invitationId: invitation.id }, staff),
    ).resolves.toMatchObject({ status: 'accepted', answeredAt: expect.any(String) });

    // The new member signs in with a link from an e-mail.
    const member = { id: invitation.id, email: request.email, identity: memberIdentity(invitation.id) };
    const linkToken = await signInLinkTokenOf(service, member);
    const signedIn: AccessTokenReply = await service.send(
      MembershipRequests.redeemSignInLink,
      { token: linkToken },
      ANONYMOUS,
    );
    expect(signedIn).toMatchObject({ tokenType: 'Bearer', role: 'member', subject: invitation.id });
    const claims = await new JwtService({ secret: service.secrets.jwtSecret }).verifyAsync<{
      sub: string;
      role: string;
      sid: string;
      exp: number;
    }>(signedIn.accessToken, { issuer: 'ic-membership', audience: 'ic-platform', algorithms: ['HS256'] });
    expect(claims).toMatchObject({ sub: invitation.id, role: 'member', sid: expect.any(String) });
    expect(new Date(claims.exp * 1000).toISOString()).toBe(signedIn.expiresAt);
    const self = memberIdentity(invitation.id, claims.sid);
    await expect(
      service.send(MembershipRequests.sessionActive, { sessionId: claims.sid }, self),
    ).resolves.toEqual({ active: true, subject: invitation.id, role: 'member' });

    // … edits the own profile …
    const updated: MemberReply = await service.send(
      MembershipRequests.updateOwnProfile,
      { phone: '+49 5264 644-0', themes: ['Digitalisierung', 'Kooperation'] },
      self,
    );
    expect(updated).toMatchObject({ phone: '+49 5264 644-0', themes: ['Digitalisierung', 'Kooperation'] });
    const [profileUpdated] = (await service.published(invitation.id, [EventTypes.profileUpdated])).filter(
      (event) => event.type === EventTypes.profileUpdated,
    );
    expect(profileUpdated.data).toMatchObject({
      changedBy: { subject: invitation.id, role: 'member' },
      changedFields: ['phone', 'themes'],
      profile: { phone: '+49 5264 644-0' },
    });

    // … and joins a working group (twice: the second time changes and publishes nothing).
    const joined = await service.send(
      MembershipRequests.joinWorkingGroup,
      { workingGroupId: 'digitales' },
      self,
    );
    expect(joined.workingGroups).toEqual(['digitales']);
    await expect(
      service.send(MembershipRequests.joinWorkingGroup, { workingGroupId: 'digitales' }, self),
    ).resolves.toMatchObject({ workingGroups: ['digitales'] });
    await service.send(MembershipRequests.updateOwnProfile, { biography: 'Smart City mit Lemgo.' }, self);
    const all = await service.published(invitation.id, [EventTypes.joined, EventTypes.profileUpdated]);
    expect(all.filter((event) => event.type === EventTypes.joined)).toHaveLength(1);
    expect(all.find((event) => event.type === EventTypes.joined)?.data).toEqual({
      memberId: invitation.id,
      workingGroupId: 'digitales',
      changedBy: { subject: invitation.id, role: 'member' },
    });

    // The directory finds them with the right filters, and only with those.
    const colleague = await admitMember(service, staff, {
      federalState: 'BY',
      municipality: { name: 'Landkreis Bayreuth', ags: '09472000', population: 104_300 },
    });
    const findAs = async (query: Record<string, unknown>, as: CallerIdentity = colleague.identity) =>
      (await service.send(MembershipRequests.directory, query, as)).items.map((entry) => entry.id);
    for (const query of [
      { federalState: 'NW' },
      { sector: 'Kommune' },
      { workingGroup: 'digitales' },
      { theme: 'Kooperation' },
      { q: `müller-${service.suffix}` },
      { q: `MUELLER-${service.suffix}` },
      { q: `muller-${service.suffix}` },
      { q: 'kalletal', federalState: 'NW', workingGroup: 'digitales', theme: 'Digitalisierung' },
      // The organisation, in any case: "Gemeinde" is in no name and no municipality.
      { q: 'GEMEINDE KALLETAL', federalState: 'NW' },
    ]) {
      expect({ query, found: await findAs(query) }).toEqual({
        query,
        found: expect.arrayContaining([invitation.id]),
      });
    }
    for (const query of [
      { federalState: 'BY' },
      { sector: 'Politik' },
      { workingGroup: 'nachhaltigkeit' },
      { theme: 'Bildung' },
      { q: 'bayreuth' },
      { q: '.*' },
    ]) {
      expect({ query, found: await findAs(query) }).toEqual({
        query,
        found: expect.not.arrayContaining([invitation.id]),
      });
    }

    // Another member sees the directory entry only: no e-mail, phone, population or biography.
    const seenByColleague = (await service.send(
      MembershipRequests.getMember,
      { memberId: invitation.id },
      colleague.identity,
    )) as DirectoryEntryReply;
    expect(seenByColleague).toEqual({
      id: invitation.id,
      salutation: 'Herr',
      officeTitle: 'Bürgermeister',
      firstName: 'Jonas',
      lastName: request.lastName,
      organisation: 'Gemeinde Kalletal',
      sector: 'Kommune',
      federalState: 'NW',
      municipalityName: 'Kalletal',
      themes: ['Digitalisierung', 'Kooperation'],
      workingGroups: ['digitales'],
    });
    const [entry] = (
      await service.send(
        MembershipRequests.directory,
        { q: 'kalletal', federalState: 'NW' },
        colleague.identity,
      )
    ).items;
    expect(Object.keys(entry)).not.toEqual(expect.arrayContaining(['email']));
    expect(JSON.stringify(entry)).not.toMatch(/email|phone|population|biography|\+49/);
    // The office sees everything.
    const [full] = (
      await service.send(MembershipRequests.directory, { q: `mueller-${service.suffix}` }, staff)
    ).items;
    expect(full).toMatchObject({
      email: request.email,
      phone: '+49 5264 644-0',
      status: 'active',
      biography: 'Smart City mit Lemgo.',
    });

    // The office reads the history, newest first, in words.
    const history = await service.send(MembershipRequests.history, { memberId: invitation.id }, staff);
    expect(history.items.map((item) => item.summary)).toEqual([
      'Profil geändert: Kurzbiografie',
      'Der Arbeitsgruppe „Digitales“ beigetreten',
      'Profil geändert: Telefon, Themenfelder',
      expect.stringMatching(/^Einladung angenommen; Mitglied seit \d\d\.\d\d\.\d{4}$/),
      expect.stringMatching(/^Berufen und eingeladen \(Einladung gültig bis \d\d\.\d\d\.\d{4}\)$/),
    ]);
    expect(history.items.at(-1)?.by).toEqual({ subject: staff.subject, role: 'staff' });
    expect(history.items[0].by).toEqual({ subject: invitation.id, role: 'member' });

    // Logging out ends the session, and tells every gateway instance (SessionEnded).
    await expect(service.send(MembershipRequests.logout, { sessionId: claims.sid }, self)).resolves.toEqual({
      loggedOut: true,
    });
    await expect(
      service.send(MembershipRequests.sessionActive, { sessionId: claims.sid }, self),
    ).resolves.toEqual({ active: false });
    const [ended] = (await service.published(invitation.id, [EventTypes.sessionEnded])).filter(
      (event) => event.type === EventTypes.sessionEnded,
    );
    expect(ended?.data).toEqual({
      sessionId: claims.sid,
      subject: invitation.id,
      role: 'member',
      endedAt: expect.any(String),
    });
  });

  it('pages the directory in name order with an opaque cursor and refuses a changed one', async () => {
    const surnames = ['Özdemir', 'Abel', 'Zander', 'Ähnlich', 'Becker'];
    const tag = `pg${service.suffix}`;
    for (const lastName of surnames) {
      await admitMember(service, staff, {
        lastName: `${lastName} ${tag}`,
        email: `${lastName.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}.${tag}@kalletal.example`,
      });
    }
    const names: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await service.send(
        MembershipRequests.directory,
        { q: tag, limit: 2, ...(cursor ? { cursor } : {}) },
        staff,
      );
      names.push(...page.items.map((item) => item.lastName));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    // DIN 5007-2 (names): Ä as Ae, Ö as Oe.
    expect(names).toEqual(['Abel', 'Ähnlich', 'Becker', 'Özdemir', 'Zander'].map((name) => `${name} ${tag}`));

    const first = await service.send(MembershipRequests.directory, { q: tag, limit: 2 }, staff);
    const cursorText = first.nextCursor ?? '';
    const tampered = `${cursorText.slice(0, -2)}${cursorText.endsWith('AA') ? 'BB' : 'AA'}`;
    const problem = await service.problemOf(
      MembershipRequests.directory,
      { q: tag, cursor: tampered },
      staff,
    );
    expect(problem).toMatchObject({
      status: 422,
      errors: [{ field: 'cursor', message: expect.any(String) }],
    });
    const foreign = await service.problemOf(
      MembershipRequests.listInvitations,
      { cursor: cursorText },
      staff,
    );
    expect(foreign).toMatchObject({ status: 422, errors: [{ field: 'cursor' }] });
  });
});
