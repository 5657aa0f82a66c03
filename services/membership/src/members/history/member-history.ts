import {
  Actor,
  AnnouncementPreferenceChangedEvent,
  EventContract,
  germanShortDate,
  HistoryEntryReply,
  InvitationDeclinedEvent,
  InvitationResentEvent,
  InvitationRevokedEvent,
  MemberActivatedEvent,
  MemberDeactivatedEvent,
  MemberInvitedEvent,
  MemberJoinedWorkingGroupEvent,
  MemberLeftWorkingGroupEvent,
  MemberProfileUpdatedEvent,
} from '@ic/contracts';
import { OutboxEntry } from '@ic/persistence';
import { ProfileField } from '../profile.rules';

/** How the office reads each profile field. */
export const PROFILE_FIELD_LABELS: Readonly<Record<ProfileField, string>> = {
  salutation: 'Anrede',
  academicTitle: 'akademischer Titel',
  officeTitle: 'Amtsbezeichnung',
  salutationLine: 'Anrede in E-Mails',
  firstName: 'Vorname',
  lastName: 'Nachname',
  email: 'E-Mail-Adresse',
  phone: 'Telefon',
  organisation: 'Organisation',
  position: 'Funktion',
  sector: 'Sektor',
  federalState: 'Land',
  municipality: 'Kommune',
  themes: 'Themenfelder',
  biography: 'Kurzbiografie',
};

function date(iso: string): string {
  return germanShortDate(new Date(iso));
}

function quoted(text: string): string {
  return `„${text}“`;
}

/** The data of an entry of this contract: the outbox factory checked it against the schema. */
function dataOf<T>(entry: OutboxEntry, contract: EventContract<T>): T | undefined {
  return entry.type === contract.type ? (entry.data as T) : undefined;
}

interface Described {
  readonly summary: string;
  readonly by?: Actor;
}

function describeEvent(entry: OutboxEntry, groupName: (id: string) => string): Described {
  const invited = dataOf(entry, MemberInvitedEvent);
  if (invited) {
    return {
      summary: `Berufen und eingeladen (Einladung gültig bis ${date(invited.expiresAt)})`,
      by: invited.invitedBy,
    };
  }
  const resent = dataOf(entry, InvitationResentEvent);
  if (resent) {
    return {
      summary: `Einladung erneut gesendet (gültig bis ${date(resent.expiresAt)})`,
      by: resent.resentBy,
    };
  }
  const revoked = dataOf(entry, InvitationRevokedEvent);
  if (revoked) return { summary: 'Einladung zurückgezogen', by: revoked.revokedBy };
  const declined = dataOf(entry, InvitationDeclinedEvent);
  if (declined) {
    return {
      summary: declined.reason
        ? `Einladung abgelehnt, Begründung: ${quoted(declined.reason)}`
        : 'Einladung abgelehnt',
    };
  }
  const activated = dataOf(entry, MemberActivatedEvent);
  if (activated) {
    return {
      summary: `Einladung angenommen; Mitglied seit ${date(activated.joinedAt)}`,
      by: { subject: activated.memberId, role: 'member' },
    };
  }
  const updated = dataOf(entry, MemberProfileUpdatedEvent);
  if (updated) {
    const fields = updated.changedFields.map((field) => PROFILE_FIELD_LABELS[field as ProfileField] ?? field);
    return { summary: `Profil geändert: ${fields.join(', ')}`, by: updated.changedBy };
  }
  const preference = dataOf(entry, AnnouncementPreferenceChangedEvent);
  if (preference) {
    const what = preference.announcementsOptOut
      ? 'Ankündigungen neuer Veranstaltungen abbestellt'
      : 'Ankündigungen neuer Veranstaltungen wieder bestellt';
    const how = preference.via === 'unsubscribe-link' ? 'über den Abmeldelink einer E-Mail' : 'im Profil';
    return { summary: `${what} (${how})`, by: preference.changedBy };
  }
  const joined = dataOf(entry, MemberJoinedWorkingGroupEvent);
  if (joined) {
    return {
      summary: `Der Arbeitsgruppe ${quoted(groupName(joined.workingGroupId))} beigetreten`,
      by: joined.changedBy,
    };
  }
  const left = dataOf(entry, MemberLeftWorkingGroupEvent);
  if (left) {
    return {
      summary: `Die Arbeitsgruppe ${quoted(groupName(left.workingGroupId))} verlassen`,
      by: left.changedBy,
    };
  }
  const deactivated = dataOf(entry, MemberDeactivatedEvent);
  if (deactivated) {
    const how =
      deactivated.reason === 'left'
        ? 'Mitgliedschaft beendet: ausgetreten'
        : 'Mitgliedschaft durch die Geschäftsstelle beendet';
    const note = deactivated.note ? `, Notiz: ${quoted(deactivated.note)}` : '';
    return { summary: `${how} zum ${date(deactivated.leftAt)}${note}`, by: deactivated.deactivatedBy };
  }
  return { summary: `Ereignis ${entry.type}` };
}

/** One entry of a member's history, from an event of their journal (member and invitation outbox). */
export function toHistoryEntry(entry: OutboxEntry, groupName: (id: string) => string): HistoryEntryReply {
  const { summary, by } = describeEvent(entry, groupName);
  return {
    eventId: entry.id,
    type: entry.type,
    at: new Date(entry.time).toISOString(),
    ...(by ? { by: { subject: by.subject, role: by.role } } : {}),
    summary,
  };
}

/** The paging key of a history entry: newest first, ties broken by event id. */
export function historyKeyOf(entry: HistoryEntryReply): string {
  return `${entry.at}|${entry.eventId}`;
}

/** The whole history, newest first. */
export function buildHistory(
  journals: readonly (readonly OutboxEntry[])[],
  groupName: (id: string) => string,
): HistoryEntryReply[] {
  return journals
    .flat()
    .map((entry) => toHistoryEntry(entry, groupName))
    .sort((a, b) => compareDescending(historyKeyOf(a), historyKeyOf(b)));
}

function compareDescending(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}
