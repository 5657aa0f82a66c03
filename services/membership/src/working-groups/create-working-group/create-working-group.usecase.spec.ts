import { Actor, WorkingGroupCreatedEvent } from '@ic/contracts';
import { ConflictError, ForbiddenError, SYSTEM_ACTOR } from '@ic/platform';
import { mock } from 'jest-mock-extended';
import { WorkingGroupAggregate } from '../working-group.aggregate';
import { WorkingGroupsRepository } from '../working-groups.repository';
import { CreateWorkingGroupUseCase, STANDARD_WORKING_GROUPS } from './create-working-group.usecase';

const [digitales] = STANDARD_WORKING_GROUPS.filter((group) => group.id === 'digitales');
const now = new Date('2026-11-21T10:00:00.000Z');
const staff: Actor = { subject: 'staff-1', role: 'staff' };

/** The use case on a typed double of the repository; `inserted` holds each inserted group. */
function newTestUseCase(existing = false) {
  const inserted: WorkingGroupAggregate[] = [];
  const groups = mock<WorkingGroupsRepository>();
  groups.findById.mockResolvedValue(
    existing ? { ...digitales, createdBy: SYSTEM_ACTOR, createdAt: new Date() } : null,
  );
  groups.insert.mockImplementation((group) => {
    inserted.push(group);
    return Promise.resolve(true);
  });
  const sut = new CreateWorkingGroupUseCase(groups, { now: () => now });
  return { sut, groups, inserted };
}

describe(CreateWorkingGroupUseCase.name, () => {
  describe('execute', () => {
    it('creates the group with WorkingGroupCreated naming the office, under the request’s correlation id', async () => {
      const { sut, groups, inserted } = newTestUseCase();

      await expect(
        sut.execute({ id: 'wasser', name: 'Wasser', description: 'Starkregen und Dürre' }, staff, 'corr-1'),
      ).resolves.toEqual({
        id: 'wasser',
        name: 'Wasser',
        description: 'Starkregen und Dürre',
        memberCount: 0,
      });

      expect(groups.insert).toHaveBeenCalledWith(inserted[0], 'corr-1');
      expect(inserted[0].state).toEqual({
        id: 'wasser',
        name: 'Wasser',
        description: 'Starkregen und Dürre',
        createdBy: staff,
        createdAt: now,
      });
      expect(inserted[0].takeFacts()).toEqual([
        {
          contract: WorkingGroupCreatedEvent,
          data: {
            workingGroupId: 'wasser',
            name: 'Wasser',
            description: 'Starkregen und Dürre',
            createdBy: staff,
          },
        },
      ]);
    });

    it('keeps no empty description', async () => {
      const { sut, inserted } = newTestUseCase();

      await expect(sut.execute({ id: 'wasser', name: 'Wasser', description: '' }, staff)).resolves.toEqual({
        id: 'wasser',
        name: 'Wasser',
        memberCount: 0,
      });

      expect(inserted[0].state).not.toHaveProperty('description');
      expect(inserted[0].takeFacts()[0].data).toEqual({
        workingGroupId: 'wasser',
        name: 'Wasser',
        createdBy: staff,
      });
    });

    it('refuses an id that is taken (409)', async () => {
      const { sut, groups } = newTestUseCase(true);

      await expect(sut.execute(digitales, staff)).rejects.toThrow(ConflictError);

      expect(groups.insert).not.toHaveBeenCalled();
    });

    it('is for the office only', async () => {
      const { sut, groups } = newTestUseCase();

      await expect(sut.execute(digitales, { subject: 'member-1', role: 'member' })).rejects.toThrow(
        ForbiddenError,
      );

      expect(groups.insert).not.toHaveBeenCalled();
    });
  });

  describe('createIfMissing', () => {
    it('creates a missing group with its WorkingGroupCreated event', async () => {
      const { sut, inserted } = newTestUseCase();

      await expect(sut.createIfMissing(digitales, SYSTEM_ACTOR)).resolves.toBe(true);

      expect(inserted.flatMap((group) => group.takeFacts()).map((fact) => fact.contract.type)).toEqual([
        'de.dstgb.ic.membership.WorkingGroupCreated.v1',
      ]);
    });

    it('neither records an event nor writes for a group that exists (the seeder asks on every start)', async () => {
      const { sut, groups } = newTestUseCase(true);
      const create = jest.spyOn(WorkingGroupAggregate, 'create');

      await expect(sut.createIfMissing(digitales, SYSTEM_ACTOR)).resolves.toBe(false);

      expect(create).not.toHaveBeenCalled();
      expect(groups.insert).not.toHaveBeenCalled();
    });
  });
});
