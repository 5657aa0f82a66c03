import { WorkingGroupSizeReply } from '@ic/contracts';
import { MemberRow } from '../members/member-row';
import { WorkingGroupRow } from '../members/working-group-row';

/** Active members per working group, by name; a group someone joined but whose creation was not read is named by its id. */
export function workingGroupSizes(
  groups: readonly WorkingGroupRow[],
  members: readonly MemberRow[],
): WorkingGroupSizeReply[] {
  const active = members.filter((member) => member.status === 'active');
  const names = new Map(groups.map((group) => [group._id, group.name]));
  for (const id of active.flatMap((member) => member.workingGroups)) if (!names.has(id)) names.set(id, id);
  return [...names]
    .map(([workingGroupId, name]) => ({
      workingGroupId,
      name,
      members: active.filter((member) => member.workingGroups.includes(workingGroupId)).length,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'de'));
}
