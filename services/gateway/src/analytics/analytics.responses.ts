import {
  EventDetailFiguresReply,
  EventFiguresReply,
  EventKind,
  EventKinds,
  EventsFiguresReply,
  EventStatus,
  EventStatuses,
  MembershipFiguresReply,
  MembershipMonthReply,
  ParticipationReply,
  ParticipationRowReply,
  TimelineGranularities,
  TimelineGranularity,
  TimelineStepReply,
  WorkingGroupSizeReply,
  WorkingGroupSizesReply,
} from '@ic/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ZONED_TIME } from '../http/api-docs';

const REGISTRATIONS =
  'in Anmeldungen: die eines Mitglieds oder Gasts, beim Kommunalzirkel die Delegation einer Kommune';

export class EventFiguresResponse implements EventFiguresReply {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiPropertyOptional({
    example: 'Innovators Lounge Ulm: Die smarte Stadt im Alltag',
    description: 'fehlt, solange die Veranstaltung selbst noch nicht gelesen ist',
  })
  title?: string;

  @ApiPropertyOptional({ enum: EventKinds })
  kind?: EventKind;

  @ApiPropertyOptional({ enum: EventStatuses })
  status?: EventStatus;

  @ApiPropertyOptional({ example: '2027-04-15T17:00:00+02:00', description: ZONED_TIME })
  startsAt?: string;

  @ApiPropertyOptional({ example: '2027-04-15T21:00:00+02:00', description: ZONED_TIME })
  endsAt?: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 50,
    description: 'Plätze; beim Kommunalzirkel: Kommunen',
  })
  capacity!: number | null;

  @ApiProperty({
    example: 61,
    description: `alle je eingegangenen, ${REGISTRATIONS} (bestätigt + Warteliste + storniert)`,
  })
  registered!: number;

  @ApiProperty({ example: 50 })
  confirmed!: number;

  @ApiProperty({ example: 3, description: 'jetzt auf der Warteliste' })
  waiting!: number;

  @ApiProperty({ example: 8 })
  cancelled!: number;

  @ApiProperty({ example: 14, description: 'je auf der Warteliste gewesen' })
  waitlisted!: number;

  @ApiProperty({ example: 9, description: 'von der Warteliste nachgerückt' })
  promoted!: number;

  @ApiProperty({ example: 44, description: 'Anmeldungen, zu denen beim Einlass jemand vermerkt wurde' })
  attended!: number;

  @ApiProperty({
    example: 46,
    description: 'beim Einlass vermerkte Personen (Delegationen zählen jede Person)',
  })
  attendedPeople!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 6,
    description:
      'bestätigte Anmeldungen, zu denen niemand kam; null, bis die Veranstaltung stattgefunden hat',
  })
  noShows!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 1, description: 'Auslastung: bestätigt / Kapazität' })
  fillRate!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.642857,
    description: 'nachgerückt / je auf der Warteliste; null ohne Warteliste',
  })
  waitingListConversion!: number | null;
}

export class EventsFiguresResponse {
  @ApiProperty({ type: [EventFiguresResponse], description: 'nach Beginn, dann Titel' })
  items!: EventFiguresResponse[];
}

export class TimelineStepResponse implements TimelineStepReply {
  @ApiProperty({ example: 0, description: '0 = die erste Stunde bzw. der erste Tag nach der Öffnung' })
  step!: number;

  @ApiProperty({ example: '2027-02-01T09:00:00+01:00', description: ZONED_TIME })
  from!: string;

  @ApiProperty({ example: '2027-02-02T09:00:00+01:00', description: ZONED_TIME })
  to!: string;

  @ApiProperty({ example: 17 })
  registrations!: number;

  @ApiProperty({ example: 17, description: 'Anmeldungen bis zum Ende dieses Schritts' })
  cumulative!: number;
}

export class EventDetailFiguresResponse extends EventFiguresResponse implements EventDetailFiguresReply {
  @ApiPropertyOptional({
    example: '2027-02-01T09:00:00+01:00',
    description: `Öffnung der Anmeldung (RegistrationOpened, sonst der Beginn des Anmeldezeitraums); ${ZONED_TIME}`,
  })
  registrationOpenedAt?: string;

  @ApiProperty({ enum: TimelineGranularities })
  granularity!: TimelineGranularity;

  @ApiProperty({ example: 0, description: 'Anmeldungen vor der Öffnung (durch die Geschäftsstelle)' })
  registeredBeforeOpening!: number;

  @ApiProperty({
    type: [TimelineStepResponse],
    description: 'Anmeldungen je Stunde oder Tag seit der Öffnung',
  })
  timeline!: TimelineStepResponse[];
}

export class ParticipationRowResponse implements ParticipationRowReply {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'BY',
    description: 'null: ohne Angabe (Gäste, ohne Kommune)',
  })
  value!: string | null;

  @ApiProperty({ example: 'Bayern' })
  label!: string;

  @ApiProperty({ example: 12 })
  registered!: number;

  @ApiProperty({ example: 10 })
  confirmed!: number;

  @ApiProperty({ example: 9 })
  attended!: number;
}

export class ParticipationResponse implements ParticipationReply {
  @ApiProperty({ example: 61 })
  registered!: number;

  @ApiProperty({ example: 50 })
  confirmed!: number;

  @ApiProperty({ example: 44 })
  attended!: number;

  @ApiProperty({ type: [ParticipationRowResponse], description: 'alle 16 Länder und „ohne Angabe“' })
  byFederalState!: ParticipationRowResponse[];

  @ApiProperty({
    type: [ParticipationRowResponse],
    description: 'Kommunen (auch Delegationen) zählen als Kommune',
  })
  bySector!: ParticipationRowResponse[];

  @ApiProperty({
    type: [ParticipationRowResponse],
    description: 'die Themenfelder der Mitglieder; wer mehrere hat, zählt in jedem',
  })
  byTheme!: ParticipationRowResponse[];

  @ApiProperty({
    type: [ParticipationRowResponse],
    description: 'Gemeindegröße: bis 5.000, 5.001–20.000, 20.001–100.000, über 100.000 Einwohner',
  })
  bySizeClass!: ParticipationRowResponse[];
}

export class MembershipMonthResponse implements MembershipMonthReply {
  @ApiProperty({ example: '2026-11', description: 'Monat in Europe/Berlin' })
  month!: string;

  @ApiProperty({ example: 9, description: 'Berufungen (Einladungen)' })
  invited!: number;

  @ApiProperty({ example: 7, description: 'Zusagen' })
  accepted!: number;

  @ApiProperty({ example: 1, description: 'Absagen' })
  declined!: number;

  @ApiProperty({
    example: 1,
    description: 'beendete Mitgliedschaften (ausgetreten oder durch die Geschäftsstelle)',
  })
  left!: number;

  @ApiProperty({ example: 118, description: 'aktive Mitglieder am Monatsende' })
  members!: number;
}

export class MembershipFiguresResponse implements MembershipFiguresReply {
  @ApiProperty({ type: [MembershipMonthResponse] })
  months!: MembershipMonthResponse[];

  @ApiProperty({ example: 118 })
  activeMembers!: number;
}

export class WorkingGroupSizeResponse implements WorkingGroupSizeReply {
  @ApiProperty({ example: 'digitales' })
  workingGroupId!: string;

  @ApiProperty({ example: 'Digitales' })
  name!: string;

  @ApiProperty({ example: 41, description: 'aktive Mitglieder' })
  members!: number;
}

export class WorkingGroupSizesResponse implements WorkingGroupSizesReply {
  @ApiProperty({ type: [WorkingGroupSizeResponse] })
  items!: WorkingGroupSizeResponse[];
}

export function toEventFiguresResponse(reply: EventFiguresReply): EventFiguresResponse {
  return {
    eventId: reply.eventId,
    title: reply.title,
    kind: reply.kind,
    status: reply.status,
    startsAt: reply.startsAt,
    endsAt: reply.endsAt,
    capacity: reply.capacity,
    registered: reply.registered,
    confirmed: reply.confirmed,
    waiting: reply.waiting,
    cancelled: reply.cancelled,
    waitlisted: reply.waitlisted,
    promoted: reply.promoted,
    attended: reply.attended,
    attendedPeople: reply.attendedPeople,
    noShows: reply.noShows,
    fillRate: reply.fillRate,
    waitingListConversion: reply.waitingListConversion,
  };
}

export function toEventsFiguresResponse(reply: EventsFiguresReply): EventsFiguresResponse {
  return { items: reply.items.map(toEventFiguresResponse) };
}

export function toEventDetailFiguresResponse(reply: EventDetailFiguresReply): EventDetailFiguresResponse {
  return {
    ...toEventFiguresResponse(reply),
    registrationOpenedAt: reply.registrationOpenedAt,
    granularity: reply.granularity,
    registeredBeforeOpening: reply.registeredBeforeOpening,
    timeline: reply.timeline.map((step) => ({
      step: step.step,
      from: step.from,
      to: step.to,
      registrations: step.registrations,
      cumulative: step.cumulative,
    })),
  };
}

function toRows(rows: readonly ParticipationRowReply[]): ParticipationRowResponse[] {
  return rows.map((row) => ({
    value: row.value,
    label: row.label,
    registered: row.registered,
    confirmed: row.confirmed,
    attended: row.attended,
  }));
}

export function toParticipationResponse(reply: ParticipationReply): ParticipationResponse {
  return {
    registered: reply.registered,
    confirmed: reply.confirmed,
    attended: reply.attended,
    byFederalState: toRows(reply.byFederalState),
    bySector: toRows(reply.bySector),
    byTheme: toRows(reply.byTheme),
    bySizeClass: toRows(reply.bySizeClass),
  };
}

export function toMembershipFiguresResponse(reply: MembershipFiguresReply): MembershipFiguresResponse {
  return {
    months: reply.months.map((month) => ({
      month: month.month,
      invited: month.invited,
      accepted: month.accepted,
      declined: month.declined,
      left: month.left,
      members: month.members,
    })),
    activeMembers: reply.activeMembers,
  };
}

export function toWorkingGroupSizesResponse(reply: WorkingGroupSizesReply): WorkingGroupSizesResponse {
  return {
    items: reply.items.map((group) => ({
      workingGroupId: group.workingGroupId,
      name: group.name,
      members: group.members,
    })),
  };
}
