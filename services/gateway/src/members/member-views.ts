import {
  CallerIdentity,
  DirectoryEntryReply,
  directoryEntryReplySchema,
  MemberReply,
  memberReplySchema,
  pickShape,
} from '@ic/contracts';

function isMemberReply(reply: MemberReply | DirectoryEntryReply): reply is MemberReply {
  return 'email' in reply;
}

function directoryEntry(reply: MemberReply | DirectoryEntryReply): DirectoryEntryReply {
  const entry = isMemberReply(reply) ? { ...reply, municipalityName: reply.municipality?.name } : reply;
  return pickShape(directoryEntryReplySchema, entry);
}

/** A member's own record is always the full one; anything else is a fault of the membership service. */
export function ownMemberView(reply: MemberReply | DirectoryEntryReply): MemberReply {
  if (!isMemberReply(reply))
    throw new Error(`members.get answered a member's own record ${reply.id} with a directory entry`);
  return pickShape(memberReplySchema, reply);
}

/**
 * The view the caller may have: the full record for the office and for the member themselves, the
 * directory entry for everyone else, whatever the service sent (staff-only fields never leak).
 */
export function memberView(
  reply: MemberReply | DirectoryEntryReply,
  caller: CallerIdentity,
): MemberReply | DirectoryEntryReply {
  const fullView = caller.roles.includes('staff') || reply.id === caller.subject;
  return fullView && isMemberReply(reply) ? pickShape(memberReplySchema, reply) : directoryEntry(reply);
}
