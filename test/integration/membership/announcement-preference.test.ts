import {
  ANONYMOUS,
  AnnouncementPreferenceChangedEvent,
  CallerIdentity,
  MembershipRequests,
} from '@ic/contracts';
import { UnsubscribeTokens } from '@ic/platform';
import { randomUUID } from 'node:crypto';
import { sleep } from '../../support/eventually';
import { admitMember } from './membership-fixtures';
import { EventTypes, MembershipService } from './membership-service';

const preferenceChanged = AnnouncementPreferenceChangedEvent.type;

/** Switching announcement e-mails off and on: in the profile, and with the unsubscribe link. */
describe('Membership service: announcement preference', () => {
  const service = new MembershipService();
  const tokens = UnsubscribeTokens.fromLinkTokenSecret(service.secrets.linkTokenSecret);
  let staff: CallerIdentity;

  const preferenceEventsOf = (memberId: string) =>
    service.eventsOf(memberId).filter((event) => event.type === preferenceChanged);
  /** The relay publishes before the reply; a moment more lets the test's reader catch up. */
  const settle = () => sleep(1500);

  beforeAll(async () => {
    await service.start();
    staff = await service.staff();
  });

  afterAll(() => service.stop());

  it('switches announcements off and on in the own profile, publishing each change once', async () => {
    const member = await admitMember(service, staff);

    const off = await service.send(
      MembershipRequests.updateOwnProfile,
      { announcementsOptOut: true },
      member.identity,
    );
    expect(off.announcementsOptOut).toBe(true);
    await service.send(MembershipRequests.updateOwnProfile, { announcementsOptOut: true }, member.identity);
    const on = await service.send(
      MembershipRequests.updateOwnProfile,
      { announcementsOptOut: false, phone: '+49 5264 644-0' },
      member.identity,
    );
    expect(on).toMatchObject({ announcementsOptOut: false, phone: '+49 5264 644-0' });

    await service.published(member.id, [preferenceChanged, EventTypes.profileUpdated, preferenceChanged]);
    await settle();
    expect(preferenceEventsOf(member.id).map((event) => event.data)).toEqual([
      {
        memberId: member.id,
        announcementsOptOut: true,
        changedBy: { subject: member.id, role: 'member' },
        via: 'profile',
      },
      {
        memberId: member.id,
        announcementsOptOut: false,
        changedBy: { subject: member.id, role: 'member' },
        via: 'profile',
      },
    ]);
    const reread = await service.send(MembershipRequests.getMember, { memberId: member.id }, member.identity);
    expect(reread).toMatchObject({ announcementsOptOut: false });
  });

  it('unsubscribes with the link once, however often and however fast it is used', async () => {
    const member = await admitMember(service, staff);
    const token = tokens.issue(member.id);

    const answers = await Promise.all(
      [1, 2, 3].map(() => service.send(MembershipRequests.unsubscribeAnnouncements, { token }, ANONYMOUS)),
    );
    expect(answers).toEqual([{ unsubscribed: true }, { unsubscribed: true }, { unsubscribed: true }]);
    await expect(
      service.send(MembershipRequests.unsubscribeAnnouncements, { token }, ANONYMOUS),
    ).resolves.toEqual({ unsubscribed: true });

    await service.published(member.id, [preferenceChanged]);
    await settle();
    expect(preferenceEventsOf(member.id).map((event) => event.data)).toEqual([
      { memberId: member.id, announcementsOptOut: true, via: 'unsubscribe-link' },
    ]);
    await expect(
      service.send(MembershipRequests.getMember, { memberId: member.id }, member.identity),
    ).resolves.toMatchObject({ announcementsOptOut: true });
    const history = await service.send(MembershipRequests.history, { memberId: member.id }, staff);
    expect(history.items[0]).toMatchObject({
      type: preferenceChanged,
      summary: 'Ankündigungen neuer Veranstaltungen abbestellt (über den Abmeldelink einer E-Mail)',
    });
    expect(history.items[0]).not.toHaveProperty('by');
  });

  it('answers a valid link of a member who has left, or of no member, the same, and changes nothing', async () => {
    const member = await admitMember(service, staff);
    await service.send(MembershipRequests.leave, {}, member.identity);
    await service.published(member.id, [EventTypes.deactivated]);

    await expect(
      service.send(
        MembershipRequests.unsubscribeAnnouncements,
        { token: tokens.issue(member.id) },
        ANONYMOUS,
      ),
    ).resolves.toEqual({ unsubscribed: true });
    await expect(
      service.send(
        MembershipRequests.unsubscribeAnnouncements,
        { token: tokens.issue(randomUUID()) },
        ANONYMOUS,
      ),
    ).resolves.toEqual({ unsubscribed: true });

    await settle();
    expect(preferenceEventsOf(member.id)).toEqual([]);
  });

  it('refuses a link it did not sign (404) and a malformed one (400)', async () => {
    const member = await admitMember(service, staff);
    const otherKey = UnsubscribeTokens.fromLinkTokenSecret(Buffer.alloc(32, 9).toString('base64'));

    const forged = await service.problemOf(
      MembershipRequests.unsubscribeAnnouncements,
      { token: otherKey.issue(member.id) },
      ANONYMOUS,
    );
    expect(forged).toMatchObject({
      status: 404,
      detail: expect.stringContaining('Abmeldelink ist ungültig'),
    });
    const malformed = await service.problemOf(
      MembershipRequests.unsubscribeAnnouncements,
      { token: member.id },
      ANONYMOUS,
    );
    expect(malformed.status).toBe(400);

    await settle();
    expect(preferenceEventsOf(member.id)).toEqual([]);
  });
});
