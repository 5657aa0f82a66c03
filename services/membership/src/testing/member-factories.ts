import { exampleProfile } from '@ic/contracts';
import { Member } from '../members/member';

/** The member id of the contracts' examples. */
export const EXAMPLE_MEMBER_ID = '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10';

/** An active member with the example profile, in no working group. */
export function newMember(overrides: Partial<Member> = {}): Member {
  return {
    id: EXAMPLE_MEMBER_ID,
    revision: 3,
    profile: exampleProfile,
    status: 'active',
    workingGroups: [],
    joinedAt: new Date('2026-11-21T10:00:00.000Z'),
    announcementsOptOut: false,
    ...overrides,
  };
}
