import {
  InvitationDeclinedEvent,
  MemberActivatedEvent,
  MemberDeactivatedEvent,
  MemberInvitedEvent,
  MemberJoinedWorkingGroupEvent,
  MemberLeftWorkingGroupEvent,
  MemberProfileUpdatedEvent,
  SignInLinkRequestedEvent,
} from '@ic/contracts';
import { cloudEvent, memberProfile } from '../testing/analytics-factories';
import { applyMembershipEvent, MemberRow } from './member-row';

const memberId = '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10';
const staff = { subject: 'staff-1', role: 'staff' } as const;
const invited = cloudEvent(
  MemberInvitedEvent,
  { ...MemberInvitedEvent.example, profile: memberProfile() },
  '2026-10-31T23:30:00.000Z',
);
const activated = cloudEvent(MemberActivatedEvent, {
  memberId,
  invitationId: memberId,
  joinedAt: '2026-11-03T09:00:00.000Z',
  profile: memberProfile(),
});
const joined = cloudEvent(MemberJoinedWorkingGroupEvent, {
  memberId,
  workingGroupId: 'digitales',
  changedBy: staff,
});
const moved = cloudEvent(MemberProfileUpdatedEvent, {
  memberId,
  changedBy: staff,
  changedFields: ['municipality'],
  profile: memberProfile({
    federalState: 'BY',
    municipality: undefined,
    sector: 'Politik',
    themes: ['Bildung'],
  }),
});
const left = cloudEvent(MemberLeftWorkingGroupEvent, {
  memberId,
  workingGroupId: 'digitales',
  changedBy: staff,
});
const deactivated = cloudEvent(MemberDeactivatedEvent, {
  memberId,
  reason: 'left',
  deactivatedBy: staff,
  leftAt: '2027-06-30T12:00:00.000Z',
});

function fold(events: Parameters<typeof applyMembershipEvent>[2][], row?: MemberRow): MemberRow {
  return events.reduce<MemberRow | undefined>(
    (current, event) => applyMembershipEvent(current, 'pseudonym', event),
    row,
  ) as MemberRow;
}

describe(applyMembershipEvent.name, () => {
  it('keeps the attributes and dates a member is counted by, under the pseudonym', () => {
    expect(fold([invited, activated, joined])).toEqual({
      _id: 'pseudonym',
      status: 'active',
      federalState: 'NW',
      sector: 'Kommune',
      themes: ['Digitalisierung', 'Klimaschutz'],
      sizeClass: '5001-20000',
      workingGroups: ['digitales'],
      invitedAt: new Date('2026-10-31T23:30:00.000Z'),
      joinedAt: new Date('2026-11-03T09:00:00.000Z'),
      appliedEvents: [invited.id, activated.id, joined.id],
    });
  });

  it('keeps no name, e-mail, phone, organisation or municipality', () => {
    const text = JSON.stringify(fold([invited, activated, moved]));
    for (const personal of ['Jonas', 'Beispiel', 'kalletal.example', 'Kalletal', '05766040']) {
      expect(text).not.toContain(personal);
    }
  });

  it('follows a profile change, dropping the size class with the municipality', () => {
    const row = fold([invited, activated, moved]);
    expect(row).toMatchObject({ federalState: 'BY', sector: 'Politik', themes: ['Bildung'] });
    expect(row.sizeClass).toBeUndefined();
  });

  it('ends where the first delivery ended when a run of events comes again after a restart', () => {
    const all = [invited, activated, joined, moved, left, deactivated];
    const once = fold(all);
    expect(fold(all.slice(2), once)).toEqual(once);
    expect(fold(all.slice(4), once)).toEqual(once);
    expect(once).toMatchObject({
      status: 'inactive',
      workingGroups: [],
      leftAt: new Date('2027-06-30T12:00:00.000Z'),
    });
  });

  it('skips an event published twice, also when the copy comes after newer events', () => {
    const once = fold([invited, activated, joined, left]);
    expect(fold([invited, activated, joined, left, invited, joined])).toEqual(once);
    expect(once).toMatchObject({ status: 'active', workingGroups: [] });
  });

  it('records a declined invitation with its time', () => {
    const declined = cloudEvent(
      InvitationDeclinedEvent,
      { memberId, invitationId: memberId },
      '2026-11-05T10:00:00.000Z',
    );
    expect(fold([invited, declined])).toMatchObject({
      status: 'declined',
      declinedAt: new Date('2026-11-05T10:00:00.000Z'),
    });
  });

  it('ignores sign-in links', () => {
    const row = fold([invited]);
    expect(
      applyMembershipEvent(
        row,
        'pseudonym',
        cloudEvent(SignInLinkRequestedEvent, SignInLinkRequestedEvent.example) as never,
      ),
    ).toBe(row);
  });
});
