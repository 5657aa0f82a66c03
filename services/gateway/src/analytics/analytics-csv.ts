import {
  EventDetailFiguresReply,
  EventKindNames,
  EventsFiguresReply,
  EventStatusNames,
  MembershipFiguresReply,
  ParticipationDimension,
  ParticipationDimensionNames,
  ParticipationDimensions,
  ParticipationReply,
  ParticipationRowReply,
  WorkingGroupSizesReply,
} from '@ic/contracts';
import { csvFile, csvPercent, csvTime } from '../http/csv';

/** The analytics figures as CSV files for a German Excel (see http/csv), one table each. */

export function eventsCsv(reply: EventsFiguresReply): string {
  return csvFile(
    [
      'Veranstaltung',
      'Art',
      'Status',
      'Beginn',
      'Kapazität',
      'Anmeldungen',
      'Bestätigt',
      'Warteliste',
      'Storniert',
      'Je auf der Warteliste',
      'Nachgerückt',
      'Teilgenommen',
      'Anwesende Personen',
      'Nicht erschienen',
      'Auslastung (%)',
      'Nachrückquote (%)',
      'Veranstaltungs-ID',
    ],
    reply.items.map((event) => [
      event.title,
      event.kind && EventKindNames[event.kind],
      event.status && EventStatusNames[event.status],
      event.startsAt && csvTime(event.startsAt),
      event.capacity ?? undefined,
      event.registered,
      event.confirmed,
      event.waiting,
      event.cancelled,
      event.waitlisted,
      event.promoted,
      event.attended,
      event.attendedPeople,
      event.noShows ?? undefined,
      csvPercent(event.fillRate),
      csvPercent(event.waitingListConversion),
      event.eventId,
    ]),
  );
}

/** Registrations per hour or day since registration opened, with those before the opening first. */
export function timelineCsv(reply: EventDetailFiguresReply): string {
  const step = reply.granularity === 'hour' ? 'Stunde' : 'Tag';
  const before =
    reply.registeredBeforeOpening > 0
      ? [
          [
            'vor der Öffnung',
            undefined,
            undefined,
            reply.registeredBeforeOpening,
            reply.registeredBeforeOpening,
          ],
        ]
      : [];
  return csvFile(
    [step, 'Von', 'Bis', 'Anmeldungen', 'Anmeldungen gesamt'],
    [
      ...before,
      ...reply.timeline.map((entry) => [
        entry.step + 1,
        csvTime(entry.from),
        csvTime(entry.to),
        entry.registrations,
        entry.cumulative,
      ]),
    ],
  );
}

const PARTICIPATION_ROWS: Record<
  ParticipationDimension,
  (reply: ParticipationReply) => readonly ParticipationRowReply[]
> = {
  'federal-state': (reply) => reply.byFederalState,
  sector: (reply) => reply.bySector,
  theme: (reply) => reply.byTheme,
  'size-class': (reply) => reply.bySizeClass,
};

/**
 * The four breakdowns one under the other, the dimension in the first column (for a pivot table);
 * or only the one asked for, with its name as the first column's heading.
 */
export function participationCsv(reply: ParticipationReply, only?: ParticipationDimension): string {
  if (only) {
    return csvFile(
      [ParticipationDimensionNames[only], 'Anmeldungen', 'Bestätigt', 'Teilgenommen'],
      PARTICIPATION_ROWS[only](reply).map((row) => [row.label, row.registered, row.confirmed, row.attended]),
    );
  }
  const rows = (dimension: ParticipationDimension, list: readonly ParticipationRowReply[]) =>
    list.map((row) => [
      ParticipationDimensionNames[dimension],
      row.label,
      row.registered,
      row.confirmed,
      row.attended,
    ]);
  return csvFile(
    ['Merkmal', 'Wert', 'Anmeldungen', 'Bestätigt', 'Teilgenommen'],
    ParticipationDimensions.flatMap((dimension) => rows(dimension, PARTICIPATION_ROWS[dimension](reply))),
  );
}

export function membershipCsv(reply: MembershipFiguresReply): string {
  return csvFile(
    ['Monat', 'Berufen', 'Zugesagt', 'Abgesagt', 'Ausgeschieden', 'Mitglieder am Monatsende'],
    reply.months.map((month) => [
      `${month.month.slice(5)}.${month.month.slice(0, 4)}`,
      month.invited,
      month.accepted,
      month.declined,
      month.left,
      month.members,
    ]),
  );
}

export function workingGroupsCsv(reply: WorkingGroupSizesReply): string {
  return csvFile(
    ['Arbeitsgruppe', 'Aktive Mitglieder', 'Kennung'],
    reply.items.map((group) => [group.name, group.members, group.workingGroupId]),
  );
}
