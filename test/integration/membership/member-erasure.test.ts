import {
  AnalyticsRequests,
  ANONYMOUS,
  AccessTokenReply,
  CallerIdentity,
  MemberErasedEvent,
  MembershipRequests,
} from '@ic/contracts';
import { Generation } from '../../../services/analytics/src/projections/generation';
import { MemberMessages } from '../../../services/membership/src/members/member.messages';
import { eventually } from '../../support/eventually';
import { uniqueSuffix } from '../../support/test-infrastructure';
import { AnalyticsUnderTest, STAFF, StreamFigures } from '../analytics/analytics-service';
import { ClubStream } from '../analytics/club-stream';
import { admitMember, invitationRequest, signInLinkTokenOf } from './membership-fixtures';
import { EventTypes, memberIdentity, MembershipService } from './membership-service';

/**
 * A member's erasure (DSGVO Art. 17) on real Kafka and the database: what the membership service
 * keeps and publishes, and that analytics keeps every aggregate, also after a rebuild.
 */
describe('Member erasure', () => {
  describe('in the membership service', () => {
    const service = new MembershipService();
    let staff: CallerIdentity;

    beforeAll(async () => {
      await service.start();
      staff = await service.staff();
    });

    afterAll(() => service.stop());

    it('leaves only a tombstone, ends the session, frees the address and publishes no personal data', async () => {
      const groupId = `loeschen-${service.suffix}`;
      await service.send(
        MembershipRequests.createWorkingGroup,
        { id: groupId, name: `Gruppe ${groupId}` },
        staff,
      );
      const lastName = `Löschbar-${service.suffix}`;
      const member = await admitMember(service, staff, { lastName });
      const signedIn: AccessTokenReply = await service.send(
        MembershipRequests.redeemSignInLink,
        { token: await signInLinkTokenOf(service, member) },
        ANONYMOUS,
      );
      const sessionId = (
        JSON.parse(Buffer.from(signedIn.accessToken.split('.')[1], 'base64url').toString('utf8')) as {
          sid: string;
        }
      ).sid;
      const self = memberIdentity(member.id, sessionId);
      await service.send(MembershipRequests.joinWorkingGroup, { workingGroupId: groupId }, self);

      // Without the explicit confirmation nothing happens.
      const unconfirmed = await service.problemOf(
        MembershipRequests.eraseOwnData,
        JSON.parse('{ "confirm": false }'), // as a client may send it, past the types
        self,
      );
      expect(unconfirmed).toMatchObject({ status: 400, errors: [{ field: 'confirm' }] });
      await expect(
        service.send(MembershipRequests.getMember, { memberId: member.id }, self),
      ).resolves.toMatchObject({
        lastName,
      });

      const erased = await service.send(MembershipRequests.eraseOwnData, { confirm: true }, self);
      expect(erased).toEqual({
        memberId: member.id,
        erasedAt: expect.any(String),
        message: MemberMessages.erasureDone,
      });

      // The erasure's events, none with personal data: the member leaves the group and the club, then is erased.
      const events = await service.published(member.id, [
        EventTypes.left,
        EventTypes.deactivated,
        MemberErasedEvent.type,
      ]);
      const erasure = events.slice(-3);
      expect(erasure.map((event) => [event.type, event.data])).toEqual([
        [
          EventTypes.left,
          { memberId: member.id, workingGroupId: groupId, changedBy: { subject: member.id, role: 'member' } },
        ],
        [
          EventTypes.deactivated,
          {
            memberId: member.id,
            reason: 'left',
            deactivatedBy: { subject: member.id, role: 'member' },
            leftAt: erased.erasedAt,
          },
        ],
        [
          MemberErasedEvent.type,
          {
            memberId: member.id,
            erasedBy: { subject: member.id, role: 'member' },
            erasedAt: erased.erasedAt,
            endedMembership: true,
          },
        ],
      ]);

      // Nothing in the service's database names the person any more.
      for (const { name } of await service.db.listCollections().toArray()) {
        const text = JSON.stringify(await service.db.collection(name).find({}).toArray());
        expect({
          collection: name,
          found: [member.email, lastName].filter((value) => text.includes(value)),
        }).toEqual({ collection: name, found: [] });
      }
      const stored = await service.db
        .collection<{ _id: string; outboxUpdatedAt?: Date }>('members')
        .findOne({ _id: member.id });
      const { outboxUpdatedAt, ...tombstone } = stored ?? { _id: '' };
      // Present until the relay's sweep has confirmed the erasure's events published.
      expect(outboxUpdatedAt === undefined || outboxUpdatedAt instanceof Date).toBe(true);
      expect(tombstone).toEqual({
        _id: member.id,
        revision: expect.any(Number),
        status: 'erased',
        erasedAt: new Date(erased.erasedAt),
        workingGroups: [],
        outbox: erasure.map((event): unknown => expect.objectContaining({ id: event.id, type: event.type })),
      });

      // The token's session no longer counts; later requests get a clear answer.
      await expect(service.send(MembershipRequests.sessionActive, { sessionId }, self)).resolves.toEqual({
        active: false,
      });
      for (const request of [
        service.problemOf(MembershipRequests.getMember, { memberId: member.id }, staff),
        service.problemOf(MembershipRequests.history, { memberId: member.id }, staff),
      ]) {
        await expect(request).resolves.toMatchObject({ status: 404, detail: MemberMessages.erased });
      }
      await expect(
        service.problemOf(MembershipRequests.updateOwnProfile, { phone: '+49 30 123' }, self),
      ).resolves.toMatchObject({ status: 404 });
      const directory = await service.send(MembershipRequests.directory, { q: lastName }, staff);
      expect(directory.items).toEqual([]);
      const groups = await service.send(MembershipRequests.listWorkingGroups, {}, staff);
      expect(groups.find((group) => group.id === groupId)?.memberCount).toBe(0);

      // Erasing again answers the same; the address can be invited again, as a new person.
      await expect(
        service.send(MembershipRequests.eraseMemberData, { memberId: member.id, confirm: true }, staff),
      ).resolves.toEqual(erased);
      const again = await service.send(
        MembershipRequests.invite,
        invitationRequest(service.suffix, { email: member.email }),
        staff,
      );
      expect(again).toMatchObject({ status: 'open', email: member.email });
      expect(again.id).not.toBe(member.id);
    });
  });

  describe('in analytics', () => {
    // The stream is random (seeded per run); only one with members to erase is of use here.
    const [stream, { left, active }] = streamWithErasableMembers();
    const analytics = new AnalyticsUnderTest();
    let before: StreamFigures;

    beforeAll(async () => {
      await analytics.publish(stream);
      await analytics.start();
      await analytics.caughtUp();
      before = await analytics.figuresOf(stream);
    });

    afterAll(() => analytics.stop());

    it('keeps every figure but the departure an erasure is, forgets the links, and a rebuild gives the same', async () => {
      const activeGroups = new Set(active.groups);
      const erasedIds = [...left, active].map((member) => member.id);
      const december = `${stream.year}-12`;

      await stream.sendLast(
        analytics.kafka,
        stream.erase([...left, active], new Date(Date.UTC(stream.year, 11, 20, 10))),
      );
      await analytics.caughtUp();
      const after = await analytics.figuresOf(stream);

      // Registrations keep counting under the pseudonyms; the active member left in December.
      expect({ ...after, membership: undefined, workingGroups: undefined }).toEqual({
        ...before,
        membership: undefined,
        workingGroups: undefined,
      });
      expect(after.membership).toEqual({
        activeMembers: before.membership.activeMembers - 1,
        months: before.membership.months.map((month) =>
          month.month === december ? { ...month, left: month.left + 1, members: month.members - 1 } : month,
        ),
      });
      expect(after.workingGroups).toEqual(
        before.workingGroups.map((group) =>
          activeGroups.has(group.workingGroupId) ? { ...group, members: group.members - 1 } : group,
        ),
      );
      await expectLinksForgotten(analytics, erasedIds);

      const { generation } = await analytics.status();
      await analytics.service.send(AnalyticsRequests.rebuild, {}, STAFF);
      await eventually(
        async () => {
          expect((await analytics.status()).generation).toBe(generation + 1);
          await analytics.caughtUp();
        },
        180_000,
        500,
      );
      expect(await analytics.figuresOf(stream)).toEqual(after);
      await expectLinksForgotten(analytics, erasedIds);
    });
  });
});

/** The current generation links none of these members to a pseudonym any more (soon after their erasure). */
async function expectLinksForgotten(
  analytics: AnalyticsUnderTest,
  memberIds: readonly string[],
): Promise<void> {
  await eventually(async () => {
    const { generation } = await analytics.status();
    const keys = new Generation(generation, analytics.service.database).collection('member_keys');
    const linked = await analytics.service.db
      .collection<{ _id: string }>(keys)
      .find({ _id: { $in: [...memberIds] } })
      .toArray();
    expect(linked).toEqual([]);
  }, 20_000);
}

type StreamMember = ClubStream['members'][number];

/** Two members who left and an active one in a working group, in a stream that has them. */
function streamWithErasableMembers(): [ClubStream, { left: StreamMember[]; active: StreamMember }] {
  for (;;) {
    const stream = new ClubStream(uniqueSuffix(), { members: 80, events: 4 });
    const left = stream.members.filter((member) => member.status === 'inactive').slice(0, 2);
    const active = stream.members.find((member) => member.status === 'active' && member.groups.size > 0);
    if (left.length === 2 && active) return [stream, { left, active }];
  }
}
