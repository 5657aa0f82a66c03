import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { EventKind, EventKinds } from '../club-events/vocabulary';
import {
  ParticipationDimension,
  ParticipationDimensions,
  TimelineGranularities,
  TimelineGranularity,
} from './vocabulary';

/**
 * Filters of the analytics figures. A period is a range of Berlin calendar days the events start
 * in; membership is counted per Berlin month.
 */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class AnalyticsEventsQuery {
  @ApiPropertyOptional({ enum: EventKinds })
  @IsOptional()
  @IsIn(EventKinds)
  kind?: EventKind;

  @ApiPropertyOptional({
    pattern: DAY.source,
    description: 'Veranstaltungen, die ab diesem Tag beginnen (Europe/Berlin), z. B. 2027-01-01',
  })
  @IsOptional()
  @Matches(DAY, { message: 'from muss ein Datum wie 2027-01-01 sein' })
  from?: string;

  @ApiPropertyOptional({
    pattern: DAY.source,
    description:
      'Veranstaltungen, die bis einschließlich diesem Tag beginnen (Europe/Berlin), z. B. 2027-12-31',
  })
  @IsOptional()
  @Matches(DAY, { message: 'to muss ein Datum wie 2027-12-31 sein' })
  to?: string;
}

export class EventFiguresQuery {
  @ApiPropertyOptional({
    enum: TimelineGranularities,
    default: 'day',
    description: 'Anmeldungen je Stunde oder je Tag seit Öffnung der Anmeldung',
  })
  @IsOptional()
  @IsIn(TimelineGranularities)
  granularity?: TimelineGranularity;
}

export class ParticipationQuery extends AnalyticsEventsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Nur diese Veranstaltung' })
  @IsOptional()
  @IsUUID('all', { message: 'eventId muss eine UUID sein' })
  eventId?: string;
}

/** The participation as CSV: the same filters, and optionally one breakdown instead of all four. */
export class ParticipationCsvQuery extends ParticipationQuery {
  @ApiPropertyOptional({
    enum: ParticipationDimensions,
    description:
      'Nur diese Aufschlüsselung (Bundesland, Sektor, Themenfeld, Gemeindegröße); ohne Angabe alle vier',
  })
  @IsOptional()
  @IsIn(ParticipationDimensions)
  dimension?: ParticipationDimension;
}

export class MembershipMonthsQuery {
  @ApiPropertyOptional({
    pattern: MONTH.source,
    description: 'ab diesem Monat (Europe/Berlin), z. B. 2026-01',
  })
  @IsOptional()
  @Matches(MONTH, { message: 'from muss ein Monat wie 2026-01 sein' })
  from?: string;

  @ApiPropertyOptional({
    pattern: MONTH.source,
    description: 'bis einschließlich diesem Monat (Europe/Berlin), z. B. 2026-12',
  })
  @IsOptional()
  @Matches(MONTH, { message: 'to muss ein Monat wie 2026-12 sein' })
  to?: string;
}
