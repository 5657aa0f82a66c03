import {
  Actor,
  AnnouncementPreferenceChangedEvent,
  EventContract,
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
import { buildHistory, toHistoryEntry } from './member-history';

let sequence = 0;
function entryOf<T>(
  contract: EventContract<T>,
  data: Partial<T> = {},
  time = '2026-11-21T10:00:00.000Z',
): OutboxEntry {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    type: contract.type,
    topic: contract.topic,
    source: '/ic/membership',
    subject: 'm-1',
    time: new Date(time),
    data: { ...contract.example, ...data },
  };
}

const groupName = (id: string) => ({ digitales: 'Digitales' })[id] ?? id;
const staff: Actor = { subject: 'staff-1', role: 'staff' };
const summaryOf = (entry: OutboxEntry) => toHistoryEntry(entry, groupName).summary;

describe('member history', () => {
  describe(toHistoryEntry.name, () => {
    it('says in German who changed what', () => {
      expect(summaryOf(entryOf(MemberInvitedEvent, { expiresAt: '2026-12-21T10:00:00.000Z' }))).toBe(
        'Berufen und eingeladen (Einladung gültig bis 21.12.2026)',
      );
      expect(summaryOf(entryOf(InvitationResentEvent, { expiresAt: '2027-01-05T10:00:00.000Z' }))).toBe(
        'Einladung erneut gesendet (gültig bis 05.01.2027)',
      );
      expect(summaryOf(entryOf(InvitationRevokedEvent))).toBe('Einladung zurückgezogen');
      expect(summaryOf(entryOf(InvitationDeclinedEvent, { reason: 'Keine Zeit.' }))).toBe(
        'Einladung abgelehnt, Begründung: „Keine Zeit.“',
      );
      expect(summaryOf(entryOf(MemberActivatedEvent, { joinedAt: '2026-11-25T09:30:00.000Z' }))).toBe(
        'Einladung angenommen; Mitglied seit 25.11.2026',
      );
      expect(
        summaryOf(entryOf(MemberProfileUpdatedEvent, { changedFields: ['phone', 'themes', 'municipality'] })),
      ).toBe('Profil geändert: Telefon, Themenfelder, Kommune');
      expect(summaryOf(entryOf(MemberJoinedWorkingGroupEvent))).toBe(
        'Der Arbeitsgruppe „Digitales“ beigetreten',
      );
      expect(summaryOf(entryOf(MemberLeftWorkingGroupEvent, { workingGroupId: 'smartes-land' }))).toBe(
        'Die Arbeitsgruppe „smartes-land“ verlassen',
      );
      expect(
        summaryOf(
          entryOf(MemberDeactivatedEvent, {
            reason: 'ended-by-staff',
            note: 'Amtszeit beendet',
            leftAt: '2027-06-30T12:00:00.000Z',
          }),
        ),
      ).toBe('Mitgliedschaft durch die Geschäftsstelle beendet zum 30.06.2027, Notiz: „Amtszeit beendet“');
    });

    it('says how the announcement e-mails were switched off or on', () => {
      expect(summaryOf(entryOf(AnnouncementPreferenceChangedEvent))).toBe(
        'Ankündigungen neuer Veranstaltungen abbestellt (über den Abmeldelink einer E-Mail)',
      );
      const member: Actor = { subject: 'm-1', role: 'member' };
      const switchedOn = entryOf(AnnouncementPreferenceChangedEvent, {
        announcementsOptOut: false,
        via: 'profile',
        changedBy: member,
      });
      expect(summaryOf(switchedOn)).toBe('Ankündigungen neuer Veranstaltungen wieder bestellt (im Profil)');
      expect(toHistoryEntry(switchedOn, groupName).by).toEqual(member);
    });

    it('names the actor of each change; a declined invitation has none', () => {
      expect(toHistoryEntry(entryOf(InvitationRevokedEvent, { revokedBy: staff }), groupName).by).toEqual(
        staff,
      );
      expect(toHistoryEntry(entryOf(MemberActivatedEvent, { memberId: 'm-1' }), groupName).by).toEqual({
        subject: 'm-1',
        role: 'member',
      });
      expect(toHistoryEntry(entryOf(InvitationDeclinedEvent), groupName)).not.toHaveProperty('by');
    });
  });

  describe(buildHistory.name, () => {
    it('merges the invitation and member journals, newest first', () => {
      const invited = entryOf(MemberInvitedEvent, {}, '2026-11-01T10:00:00.000Z');
      const activated = entryOf(MemberActivatedEvent, {}, '2026-11-02T10:00:00.000Z');
      const joined = entryOf(MemberJoinedWorkingGroupEvent, {}, '2026-11-03T10:00:00.000Z');
      const sut = buildHistory([[invited], [activated, joined]], groupName);
      expect(sut.map((entry) => entry.eventId)).toEqual([joined.id, activated.id, invited.id]);
    });
  });
});
