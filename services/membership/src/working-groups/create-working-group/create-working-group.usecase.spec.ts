import { allEventContracts } from '@ic/contracts';
import { ContractRegistry, OutboxEventFactory } from '@ic/messaging';
import { Clock, SYSTEM_ACTOR } from '@ic/platform';
import { mock } from 'jest-mock-extended';
import { WorkingGroupsRepository } from '../working-groups.repository';
import { CreateWorkingGroupUseCase, STANDARD_WORKING_GROUPS } from './create-working-group.usecase';

const [digitales] = STANDARD_WORKING_GROUPS.filter((group) => group.id === 'digitales');

function newTestUseCase() {
  const groups = mock<WorkingGroupsRepository>();
  const events = new OutboxEventFactory(new ContractRegistry(allEventContracts), '/ic/membership');
  const sut = new CreateWorkingGroupUseCase(groups, events, new Clock());
  return { sut, groups, events };
}

describe(CreateWorkingGroupUseCase.name, () => {
  describe('createIfMissing', () => {
    it('creates a missing group with its WorkingGroupCreated event', async () => {
      const { sut, groups } = newTestUseCase();
      groups.findById.mockResolvedValue(null);
      const insert = groups.insert.mockResolvedValue(true);

      await expect(sut.createIfMissing(digitales, SYSTEM_ACTOR)).resolves.toBe(true);

      expect(insert.mock.calls[0][1].map((event) => event.type)).toEqual([
        'de.dstgb.ic.membership.WorkingGroupCreated.v1',
      ]);
    });

    it('neither builds an event nor writes for a group that exists (the seeder asks on every start)', async () => {
      const { sut, groups, events } = newTestUseCase();
      groups.findById.mockResolvedValue({ ...digitales, createdBy: SYSTEM_ACTOR, createdAt: new Date() });
      const create = jest.spyOn(events, 'create');

      await expect(sut.createIfMissing(digitales, SYSTEM_ACTOR)).resolves.toBe(false);

      expect(create).not.toHaveBeenCalled();
      expect(groups.insert).not.toHaveBeenCalled();
    });
  });
});
