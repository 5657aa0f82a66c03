import {
  FederalState,
  FederalStateCodes,
  InvitationPreviewReply,
  InvitationReply,
  InvitationStatus,
  InvitationStatuses,
  letterSalutation,
  Page,
  Sector,
  Sectors,
  Theme,
  Themes,
} from '@ic/contracts';
import { SignedInSession } from '../auth/browser-session.shapes';
import { componentRef } from '../http/api-replies';
import { PersonNameResponse, toPersonNameResponse } from '../http/person-name.response';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MunicipalityResponse, toMunicipalityResponse } from '../members/member.responses';

/** An invitation (Berufung) as the office sees it. */
export class InvitationResponse extends PersonNameResponse implements InvitationReply {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: InvitationStatuses, example: 'open' })
  status!: InvitationStatus;

  @ApiProperty({ example: 'jonas.beispiel@kalletal.example' })
  email!: string;

  @ApiProperty({ enum: Sectors })
  sector!: Sector;

  @ApiProperty({ enum: FederalStateCodes })
  federalState!: FederalState;

  @ApiPropertyOptional({ type: MunicipalityResponse })
  municipality?: MunicipalityResponse;

  @ApiProperty({ enum: Themes, isArray: true })
  themes!: Theme[];

  @ApiPropertyOptional()
  personalMessage?: string;

  @ApiProperty({ description: 'Konto der Geschäftsstelle, das eingeladen hat' })
  invitedBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ description: 'Wie oft die Einladungs-E-Mail verschickt wurde', example: 1 })
  sentCount!: number;

  @ApiPropertyOptional({ format: 'date-time' })
  answeredAt?: string;
}

export class InvitationPageResponse {
  @ApiProperty({ type: [InvitationResponse] })
  items!: InvitationResponse[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'cursor der nächsten Seite; null auf der letzten',
  })
  nextCursor!: string | null;
}

/** What the invited person sees before answering: no e-mail address, no internal data. */
export class InvitationPreviewResponse extends PersonNameResponse implements InvitationPreviewReply {
  @ApiProperty({
    example: 'Sehr geehrte Frau Bürgermeisterin Dr. Brenner,',
    description: 'Die Anrede, wie sie die Einladungs-E-Mail verwendet',
  })
  greeting!: string;

  @ApiPropertyOptional()
  personalMessage?: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ enum: InvitationStatuses })
  status!: InvitationStatus;
}

/** The invitation mail before it is sent: its subject and plain text. */
export class InvitationMailPreviewResponse {
  @ApiProperty({ example: 'Ihre Berufung in den Innovators Club des DStGB' })
  subject!: string;

  @ApiProperty({
    description:
      'Der Text der E-Mail; der persönliche Link und die Frist werden erst beim Versand eingesetzt.',
  })
  text!: string;
}

export class InvitationAcceptedResponse {
  @ApiProperty({ format: 'uuid', description: 'Das neue Mitglied' })
  memberId!: string;

  @ApiPropertyOptional({
    allOf: [componentRef('SignedInSessionResponse')],
    description: 'Nur mit `signIn: true`: die neue Sitzung im Browser (das Sitzungs-Cookie ist gesetzt).',
  })
  session?: SignedInSession;
}

export class InvitationDeclinedResponse {
  @ApiProperty({ enum: [true] })
  declined!: true;
}

export function toInvitationResponse(reply: InvitationReply): InvitationResponse {
  return {
    id: reply.id,
    status: reply.status,
    ...toPersonNameResponse(reply),
    email: reply.email,
    sector: reply.sector,
    federalState: reply.federalState,
    municipality: reply.municipality && toMunicipalityResponse(reply.municipality),
    themes: [...reply.themes],
    personalMessage: reply.personalMessage,
    invitedBy: reply.invitedBy,
    createdAt: reply.createdAt,
    expiresAt: reply.expiresAt,
    sentCount: reply.sentCount,
    answeredAt: reply.answeredAt,
  };
}

export function toInvitationPageResponse(page: Page<InvitationReply>): InvitationPageResponse {
  return { items: page.items.map(toInvitationResponse), nextCursor: page.nextCursor };
}

export function toInvitationPreviewResponse(reply: InvitationPreviewReply): InvitationPreviewResponse {
  return {
    ...toPersonNameResponse(reply),
    greeting: letterSalutation(reply),
    personalMessage: reply.personalMessage,
    expiresAt: reply.expiresAt,
    status: reply.status,
  };
}
