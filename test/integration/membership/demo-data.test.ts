import { CallerIdentity, DirectoryEntryReply, MembershipRequests, MemberReply, Page } from '@ic/contracts';
import { DEMO_INVITATIONS, DEMO_MEMBERS } from '../../../services/membership/src/demo/demo-members';
import { EventTypes, MembershipService } from './membership-service';

async function allMembers(service: MembershipService, staff: CallerIdentity): Promise<MemberReply[]> {
  const members: MemberReply[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<MemberReply | DirectoryEntryReply> = await service.send(
      MembershipRequests.directory,
      { limit: 100, ...(cursor ? { cursor } : {}) },
      staff,
    );
    members.push(...(page.items as MemberReply[]));
    cursor = page.nextCursor;
  } while (cursor);
  return members;
}

/** DEMO_DATA=true on an empty database: the demo members and invitations, through the domain, once. */
describe('Membership service demo data', () => {
  const service = new MembershipService();
  let staff: CallerIdentity;

  afterAll(async () => {
    await service.stop();
  });

  it('loads the demo members and invitations with their events, and a second start adds nothing', async () => {
    await service.start({ DEMO_DATA: 'true' });
    staff = await service.staff();

    const members = await allMembers(service, staff);
    expect(members).toHaveLength(DEMO_MEMBERS.length);
    expect(new Set(members.map((member) => member.federalState)).size).toBe(16);
    expect(members.filter((member) => member.status === 'inactive')).toHaveLength(
      DEMO_MEMBERS.filter((member) => member.ended).length,
    );
    const open = await service.send(MembershipRequests.listInvitations, { status: 'open' }, staff);
    expect(open.items.map((item) => item.id).sort()).toEqual(DEMO_INVITATIONS.map((item) => item.id).sort());

    const withGroups = DEMO_MEMBERS.find((member) => member.workingGroups.length === 2 && !member.ended);
    const ended = DEMO_MEMBERS.find((member) => member.ended);
    if (!withGroups || !ended) throw new Error('the demo data lost its variety');
    await service.published(withGroups.id, [EventTypes.activated, EventTypes.joined, EventTypes.joined]);
    await service.published(ended.id, [EventTypes.activated, EventTypes.deactivated]);
    await service.published(DEMO_INVITATIONS[0].id, [EventTypes.invited]);
    const directory = await service.send(
      MembershipRequests.directory,
      { workingGroup: 'digitales', limit: 100 },
      staff,
    );
    expect(directory.items.length).toBeGreaterThan(20);

    expect(service.log).toMatch(/Loaded the demo data: \d+ members and 4 open invitations/);
    expect(service.log).toMatch(/Created staff accounts: leitung@innovators-club\.example/);
    expect(service.log).not.toContain(service.secrets.staff[0].password);

    // The demo ids are fixed, so the topic may hold events of earlier runs: compare before and after.
    const demoIds = [...DEMO_MEMBERS.map((member) => member.id), ...DEMO_INVITATIONS.map((item) => item.id)];
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const publishedBefore = service.eventsOf(...demoIds).map((event) => event.id);
    await service.stopService();
    await service.start({ DEMO_DATA: 'true' });
    await expect(allMembers(service, staff)).resolves.toHaveLength(DEMO_MEMBERS.length);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(service.eventsOf(...demoIds).map((event) => event.id)).toEqual(publishedBefore);
    expect(service.log).not.toMatch(/Loaded the demo data/);
  });
});
