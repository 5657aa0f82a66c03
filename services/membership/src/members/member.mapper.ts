import { DirectoryEntryReply, MemberReply } from '@ic/contracts';
import { compact } from '@ic/platform';
import { Member } from './member';

/** The full view: the member themselves and the office. */
export function toMemberReply(member: Member): MemberReply {
  return compact({
    ...member.profile,
    themes: [...member.profile.themes],
    id: member.id,
    status: member.status,
    workingGroups: [...member.workingGroups],
    joinedAt: member.joinedAt.toISOString(),
    leftAt: member.leftAt?.toISOString(),
    leaveReason: member.leaveReason,
    announcementsOptOut: member.announcementsOptOut,
  });
}

/** The limited view other members get: no e-mail, phone, population, biography or status. */
export function toDirectoryEntryReply(member: Member): DirectoryEntryReply {
  const { profile } = member;
  return compact({
    id: member.id,
    salutation: profile.salutation,
    academicTitle: profile.academicTitle,
    officeTitle: profile.officeTitle,
    firstName: profile.firstName,
    lastName: profile.lastName,
    organisation: profile.organisation,
    position: profile.position,
    sector: profile.sector,
    federalState: profile.federalState,
    municipalityName: profile.municipality?.name,
    themes: [...profile.themes],
    workingGroups: [...member.workingGroups],
  });
}
