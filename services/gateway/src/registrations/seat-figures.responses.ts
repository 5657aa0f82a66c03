import {
  EventSeatsReply,
  EventStatus,
  EventStatuses,
  RegistrationStatsReply,
  WorkshopSeatsReply,
  WorkshopStatsReply,
  ZONED_TIME,
} from '@ic/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class WorkshopSeatsResponse implements WorkshopSeatsReply {
  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({ example: 40 })
  capacity!: number;

  @ApiProperty({ example: 12, description: 'frei; 0: wer ihn jetzt wählt, kommt auf seine Warteliste' })
  seatsLeft!: number;

  @ApiProperty({ example: 0, description: 'auf der Warteliste des Workshops' })
  waiting!: number;
}

export class EventSeatsResponse implements EventSeatsReply {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ example: 50, description: 'Plätze; beim Kommunalzirkel: Kommunen' })
  capacity!: number;

  @ApiProperty({ example: 8, description: 'frei; 0: eine neue Anmeldung kommt auf die Warteliste' })
  seatsLeft!: number;

  @ApiProperty({ example: 0, description: 'Anmeldungen auf der Warteliste' })
  waiting!: number;

  @ApiProperty({ type: [WorkshopSeatsResponse], description: 'Deutschlandforum: je Workshop' })
  workshops!: WorkshopSeatsResponse[];
}

export class WorkshopStatsResponse implements WorkshopStatsReply {
  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({ example: 'Daten teilen zwischen Kommunen' })
  title!: string;

  @ApiProperty({ example: '2027-05-12T14:00:00+02:00', description: ZONED_TIME })
  startsAt!: string;

  @ApiProperty({ example: 40 })
  capacity!: number;

  @ApiProperty({ example: 40 })
  confirmed!: number;

  @ApiProperty({ example: 4 })
  waiting!: number;
}

export class RegistrationStatsResponse implements RegistrationStatsReply {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ enum: EventStatuses })
  eventStatus!: EventStatus;

  @ApiProperty({ example: 50, description: 'Plätze; beim Kommunalzirkel: Kommunen' })
  capacity!: number;

  @ApiProperty({ example: 50 })
  confirmed!: number;

  @ApiProperty({ example: 6 })
  waiting!: number;

  @ApiProperty({ example: 2 })
  cancelled!: number;

  @ApiProperty({
    example: 50,
    description: 'Personen der bestätigten Anmeldungen (Delegationen zählen jede Person)',
  })
  confirmedPeople!: number;

  @ApiProperty({ example: 12 })
  interestedMembers!: number;

  @ApiProperty({ example: 32, description: 'verschiedene Kommunen, die Interesse bekundet haben' })
  interestedMunicipalities!: number;

  @ApiProperty({ example: 44, description: 'beim Einlass vermerkte Personen' })
  attendedPeople!: number;

  @ApiPropertyOptional({
    example: 6,
    description:
      'bestätigte Anmeldungen, zu denen niemand kam; erst wenn die Veranstaltung stattgefunden hat',
  })
  noShows?: number;

  @ApiProperty({ type: [WorkshopStatsResponse] })
  workshops!: WorkshopStatsResponse[];
}

export function toRegistrationStatsResponse(reply: RegistrationStatsReply): RegistrationStatsResponse {
  return {
    eventId: reply.eventId,
    eventStatus: reply.eventStatus,
    capacity: reply.capacity,
    confirmed: reply.confirmed,
    waiting: reply.waiting,
    cancelled: reply.cancelled,
    confirmedPeople: reply.confirmedPeople,
    interestedMembers: reply.interestedMembers,
    interestedMunicipalities: reply.interestedMunicipalities,
    attendedPeople: reply.attendedPeople,
    noShows: reply.noShows,
    workshops: reply.workshops.map((workshop) => ({
      sessionId: workshop.sessionId,
      title: workshop.title,
      startsAt: workshop.startsAt,
      capacity: workshop.capacity,
      confirmed: workshop.confirmed,
      waiting: workshop.waiting,
    })),
  };
}

export function toEventSeatsResponse(reply: EventSeatsReply): EventSeatsResponse {
  return {
    eventId: reply.eventId,
    capacity: reply.capacity,
    seatsLeft: reply.seatsLeft,
    waiting: reply.waiting,
    workshops: reply.workshops.map((workshop) => ({
      sessionId: workshop.sessionId,
      capacity: workshop.capacity,
      seatsLeft: workshop.seatsLeft,
      waiting: workshop.waiting,
    })),
  };
}
