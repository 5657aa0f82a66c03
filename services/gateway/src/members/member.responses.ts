import {
  Actor,
  CallerIdentity,
  DeactivationReason,
  DeactivationReasons,
  DirectoryEntryReply,
  FederalState,
  FederalStateCodes,
  HistoryEntryReply,
  MemberErasureReply,
  MemberReply,
  MemberStatus,
  MemberStatuses,
  Municipality,
  Page,
  Sector,
  Sectors,
  Theme,
  Themes,
} from '@ic/contracts';
import { PersonNameResponse, toPersonNameResponse } from '../http/person-name.response';
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

export class MunicipalityResponse implements Municipality {
  @ApiProperty({ example: 'Kalletal' })
  name!: string;

  @ApiProperty({ description: 'Amtlicher Gemeindeschlüssel', example: '05766040' })
  ags!: string;

  @ApiProperty({ example: 13900 })
  population!: number;
}

export function toMunicipalityResponse(municipality: Municipality): MunicipalityResponse {
  return { name: municipality.name, ags: municipality.ags, population: municipality.population };
}

/** A member as they themselves and the office see them. */
export class MemberResponse extends PersonNameResponse implements MemberReply {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: MemberStatuses, example: 'active' })
  status!: MemberStatus;

  @ApiProperty({ example: 'jonas.beispiel@kalletal.example' })
  email!: string;

  @ApiPropertyOptional({ example: '+49 5264 644-0' })
  phone?: string;

  @ApiPropertyOptional({ example: 'Bürgermeister' })
  position?: string;

  @ApiProperty({ enum: Sectors, example: 'Kommune' })
  sector!: Sector;

  @ApiProperty({ enum: FederalStateCodes, example: 'NW' })
  federalState!: FederalState;

  @ApiPropertyOptional({ type: MunicipalityResponse })
  municipality?: MunicipalityResponse;

  @ApiProperty({ enum: Themes, isArray: true })
  themes!: Theme[];

  @ApiPropertyOptional()
  biography?: string;

  @ApiPropertyOptional({
    example: 'Sehr geehrte Frau Bürgermeisterin, liebe Frau Brenner,',
    description: 'Anrede in den E-Mails, von der Geschäftsstelle festgelegt',
  })
  salutationLine?: string;

  @ApiProperty({ type: [String], example: ['digitales'] })
  workingGroups!: string[];

  @ApiProperty({ format: 'date-time' })
  joinedAt!: string;

  @ApiPropertyOptional({ format: 'date-time' })
  leftAt?: string;

  @ApiPropertyOptional({ enum: DeactivationReasons })
  leaveReason?: DeactivationReason;

  @ApiProperty({ example: false })
  announcementsOptOut!: boolean;
}

/** What members see of each other: no e-mail, phone, population or history. */
export class DirectoryEntryResponse extends PersonNameResponse implements DirectoryEntryReply {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiPropertyOptional()
  position?: string;

  @ApiProperty({ enum: Sectors })
  sector!: Sector;

  @ApiProperty({ enum: FederalStateCodes })
  federalState!: FederalState;

  @ApiPropertyOptional({ example: 'Kalletal' })
  municipalityName?: string;

  @ApiProperty({ enum: Themes, isArray: true })
  themes!: Theme[];

  @ApiProperty({ type: [String], example: ['nachhaltigkeit'] })
  workingGroups!: string[];
}

/**
 * Schema of an answer that is a full member for the office and the member themselves, else an entry.
 * anyOf, not oneOf: a full member has every field of an entry, so it matches both.
 */
export const MEMBER_VIEW_SCHEMA = {
  anyOf: [{ $ref: getSchemaPath(MemberResponse) }, { $ref: getSchemaPath(DirectoryEntryResponse) }],
};

export class DirectoryPageResponse {
  @ApiProperty({
    description: 'Mitglieder sehen Verzeichniseinträge, die Geschäftsstelle vollständige Datensätze.',
    type: 'array',
    items: MEMBER_VIEW_SCHEMA,
  })
  items!: (MemberResponse | DirectoryEntryResponse)[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'cursor der nächsten Seite; null auf der letzten',
  })
  nextCursor!: string | null;
}

export class ActorResponse implements Actor {
  @ApiProperty()
  subject!: string;

  @ApiProperty({ enum: ['staff', 'member'] })
  role!: 'staff' | 'member';
}

export class HistoryEntryResponse implements HistoryEntryReply {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ example: 'de.dstgb.ic.membership.MemberProfileUpdated.v1' })
  type!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiPropertyOptional({ type: ActorResponse })
  by?: ActorResponse;

  @ApiProperty({ example: 'Profil geändert: phone, themes' })
  summary!: string;
}

export class HistoryPageResponse {
  @ApiProperty({ type: [HistoryEntryResponse] })
  items!: HistoryEntryResponse[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export function toMemberResponse(reply: MemberReply): MemberResponse {
  return {
    id: reply.id,
    status: reply.status,
    ...toPersonNameResponse(reply),
    email: reply.email,
    phone: reply.phone,
    position: reply.position,
    sector: reply.sector,
    federalState: reply.federalState,
    municipality: reply.municipality && toMunicipalityResponse(reply.municipality),
    themes: [...reply.themes],
    biography: reply.biography,
    salutationLine: reply.salutationLine,
    workingGroups: [...reply.workingGroups],
    joinedAt: reply.joinedAt,
    leftAt: reply.leftAt,
    leaveReason: reply.leaveReason,
    announcementsOptOut: reply.announcementsOptOut,
  };
}

export function toDirectoryEntryResponse(reply: MemberReply | DirectoryEntryReply): DirectoryEntryResponse {
  return {
    id: reply.id,
    ...toPersonNameResponse(reply),
    position: reply.position,
    sector: reply.sector,
    federalState: reply.federalState,
    municipalityName: isMemberReply(reply) ? reply.municipality?.name : reply.municipalityName,
    themes: [...reply.themes],
    workingGroups: [...reply.workingGroups],
  };
}

/** A member's own record is always the full one; anything else is a fault of the membership service. */
export function toOwnMemberResponse(reply: MemberReply | DirectoryEntryReply): MemberResponse {
  if (!isMemberReply(reply))
    throw new Error(`members.get answered a member's own record ${reply.id} with a directory entry`);
  return toMemberResponse(reply);
}

function isMemberReply(reply: MemberReply | DirectoryEntryReply): reply is MemberReply {
  return 'email' in reply;
}

/**
 * The view the caller may have: the full record for the office and for the member themselves, the
 * directory entry for everyone else, whatever the service sent (staff-only fields never leak).
 */
export function toMemberViewResponse(
  reply: MemberReply | DirectoryEntryReply,
  caller: CallerIdentity,
): MemberResponse | DirectoryEntryResponse {
  const fullView = caller.roles.includes('staff') || reply.id === caller.subject;
  return fullView && isMemberReply(reply) ? toMemberResponse(reply) : toDirectoryEntryResponse(reply);
}

export function toDirectoryPageResponse(
  page: Page<MemberReply | DirectoryEntryReply>,
  caller: CallerIdentity,
): DirectoryPageResponse {
  return { items: page.items.map((item) => toMemberViewResponse(item, caller)), nextCursor: page.nextCursor };
}

export function toHistoryPageResponse(page: Page<HistoryEntryReply>): HistoryPageResponse {
  return {
    items: page.items.map((entry) => ({
      eventId: entry.eventId,
      type: entry.type,
      at: entry.at,
      by: entry.by && { subject: entry.by.subject, role: entry.by.role },
      summary: entry.summary,
    })),
    nextCursor: page.nextCursor,
  };
}

export class MemberErasureResponse implements MemberErasureReply {
  @ApiProperty({ format: 'uuid', description: 'Die pseudonyme Kennung, die als Einzige bleibt' })
  memberId!: string;

  @ApiProperty({ format: 'date-time' })
  erasedAt!: string;

  @ApiProperty({
    example:
      'Die personenbezogenen Daten wurden gelöscht. Es bleibt nur eine pseudonyme Kennung für die Statistik; …',
  })
  message!: string;
}

export function toMemberErasureResponse(reply: MemberErasureReply): MemberErasureResponse {
  return { memberId: reply.memberId, erasedAt: reply.erasedAt, message: reply.message };
}
