import {
  Actor,
  DirectoryEntryReply,
  DirectoryQuery,
  HistoryEntryReply,
  MemberReply,
  Page,
  MemberHistoryQuery,
} from '@ic/contracts';
import { decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor, NotFoundError, requireStaff } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { InvitationsRepository } from '../invitations/invitations.repository';
import { WorkingGroupsRepository } from '../working-groups/working-groups.repository';
import { buildDirectoryQuery } from './directory/directory.query';
import { buildHistory, historyKeyOf } from './history/member-history';
import { isActive } from './member';
import { toDirectoryEntryReply, toMemberReply } from './member.mapper';
import { MemberMessages } from './member.messages';
import { MembersRepository } from './members.repository';

/** Reading members: one member, the directory, a member's history. */
@Injectable()
export class MembersQueries {
  constructor(
    private readonly members: MembersRepository,
    private readonly invitations: InvitationsRepository,
    private readonly groups: WorkingGroupsRepository,
  ) {}

  /** The office and the member themselves see everything; other members the directory entry of an active member. */
  async get(memberId: string, actor: Actor): Promise<MemberReply | DirectoryEntryReply> {
    const member = await this.members.findById(memberId);
    if (!member) throw await this.notFound(memberId);
    if (actor.role === 'staff' || actor.subject === memberId) return toMemberReply(member);
    if (!isActive(member)) throw new NotFoundError(MemberMessages.notFound);
    return toDirectoryEntryReply(member);
  }

  /** Not found, saying so when the member had their data erased. */
  private async notFound(memberId: string): Promise<NotFoundError> {
    const erased = await this.members.findTombstone(memberId);
    return new NotFoundError(erased ? MemberMessages.erased : MemberMessages.notFound);
  }

  async directory(query: DirectoryQuery, actor: Actor): Promise<Page<MemberReply | DirectoryEntryReply>> {
    const plan = buildDirectoryQuery(query, actor.role);
    const found = await this.members.findInDirectoryOrder(plan.filter, plan.limit + 1);
    const page = found.slice(0, plan.limit);
    const last = page.at(-1);
    return {
      items: page.map((member) =>
        actor.role === 'staff' ? toMemberReply(member) : toDirectoryEntryReply(member),
      ),
      nextCursor: found.length > plan.limit && last ? encodeCursor('directory', last.directoryKey) : null,
    };
  }

  /** Every change of the member (and of their invitation), newest first, for the office. */
  async history(memberId: string, query: MemberHistoryQuery, actor: Actor): Promise<Page<HistoryEntryReply>> {
    requireStaff(actor);
    const after = query.cursor ? decodeCursor('history', query.cursor) : undefined;
    const [memberJournal, invitationJournal, groups] = await Promise.all([
      this.members.journalOf(memberId),
      this.invitations.journalOf(memberId),
      this.groups.findAll(),
    ]);
    if (!memberJournal && !invitationJournal) throw new NotFoundError(MemberMessages.notFound);
    // The erasure replaced the journal, whose entries told of the person; nothing is left to show.
    if (await this.members.findTombstone(memberId)) throw new NotFoundError(MemberMessages.erased);
    const names = new Map(groups.map((group) => [group.id, group.name]));
    const history = buildHistory([invitationJournal ?? [], memberJournal ?? []], (id) => names.get(id) ?? id);
    const remaining = after ? history.filter((entry) => historyKeyOf(entry) < after) : history;
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const items = remaining.slice(0, limit);
    const last = items.at(-1);
    return {
      items,
      nextCursor: remaining.length > limit && last ? encodeCursor('history', historyKeyOf(last)) : null,
    };
  }
}
