import { germanShortDateTime, SessionKindNames, Speaker, SpeakerDto } from '@ic/contracts';
import { compact, FieldError } from '@ic/platform';
import { MemberSpeaker } from '../../replicas/member-speaker';
import { EventPlan, SessionPlan } from '../club-event';
import { isBefore, overlaps } from './rule-problems';
import { sharedProblems } from './shared.rules';

/**
 * A Deutschlandforum: its agenda's sessions lie within the forum and end after they start;
 * workshops have a capacity and other sessions none; workshops that overlap form a parallel slot
 * and so start and end together; one room holds one session at a time.
 */
export function forumProblems(plan: EventPlan): FieldError[] {
  const sessions = plan.forum?.sessions ?? [];
  return [
    ...sharedProblems(plan),
    ...sessions.flatMap((session, index) => sessionProblems(session, index, plan)),
    ...duplicateIdProblems(sessions),
    ...parallelWorkshopProblems(sessions),
    ...roomProblems(sessions),
  ];
}

function sessionProblems(session: SessionPlan, index: number, plan: EventPlan): FieldError[] {
  const at = `sessions.${index}`;
  const problems: FieldError[] = [];
  if (!isBefore(session.startsAt, session.endsAt)) {
    problems.push({ field: `${at}.endsAt`, message: `„${session.title}“ muss nach seinem Beginn enden.` });
  }
  if (plan.startsAt && isBefore(session.startsAt, plan.startsAt)) {
    problems.push({
      field: `${at}.startsAt`,
      message: `„${session.title}“ beginnt vor dem Forum (${germanShortDateTime(plan.startsAt)}).`,
    });
  }
  if (plan.endsAt && isBefore(plan.endsAt, session.endsAt)) {
    problems.push({
      field: `${at}.endsAt`,
      message: `„${session.title}“ endet nach dem Forum (${germanShortDateTime(plan.endsAt)}).`,
    });
  }
  if (session.kind === 'workshop' && session.capacity === undefined) {
    problems.push({
      field: `${at}.capacity`,
      message: `Der Workshop „${session.title}“ braucht eine Platzzahl.`,
    });
  }
  if (session.kind !== 'workshop' && session.capacity !== undefined) {
    problems.push({
      field: `${at}.capacity`,
      message: `Nur Workshops haben eine eigene Platzzahl; „${session.title}“ ist ein Programmpunkt der Art ${SessionKindNames[session.kind]}.`,
    });
  }
  return problems;
}

function duplicateIdProblems(sessions: readonly SessionPlan[]): FieldError[] {
  return sessions.flatMap((session, index) =>
    sessions.findIndex((other) => other.sessionId === session.sessionId) < index
      ? [{ field: `sessions.${index}.sessionId`, message: 'Zwei Programmpunkte haben dieselbe Kennung.' }]
      : [],
  );
}

function parallelWorkshopProblems(sessions: readonly SessionPlan[]): FieldError[] {
  const problems: FieldError[] = [];
  sessions.forEach((session, index) => {
    if (session.kind !== 'workshop') return;
    const clash = sessions.find(
      (other, otherIndex) =>
        otherIndex < index &&
        other.kind === 'workshop' &&
        overlaps(session, other) &&
        !(sameInstant(session.startsAt, other.startsAt) && sameInstant(session.endsAt, other.endsAt)),
    );
    if (clash) {
      problems.push({
        field: `sessions.${index}.startsAt`,
        message: `Der Workshop „${session.title}“ überschneidet sich mit „${clash.title}“; parallele Workshops müssen zur selben Zeit beginnen und enden.`,
      });
    }
  });
  return problems;
}

function roomProblems(sessions: readonly SessionPlan[]): FieldError[] {
  const problems: FieldError[] = [];
  sessions.forEach((session, index) => {
    if (!session.room) return;
    const room = roomKey(session.room);
    const clash = sessions.find(
      (other, otherIndex) =>
        otherIndex < index &&
        other.room !== undefined &&
        roomKey(other.room) === room &&
        overlaps(session, other),
    );
    if (clash) {
      problems.push({
        field: `sessions.${index}.room`,
        message: `Im Raum „${session.room}“ findet zur selben Zeit schon „${clash.title}“ statt.`,
      });
    }
  });
  return problems;
}

const roomKey = (room: string): string => room.trim().toLocaleLowerCase('de-DE').replace(/\s+/g, ' ');
const sameInstant = (a: Date, b: Date): boolean => a.getTime() === b.getTime();

/** Speakers as entered: a member by id, or an external speaker with name and organisation. */
export type SpeakerInput = Pick<SpeakerDto, 'memberId' | 'name' | 'organisation' | 'bio'>;

/**
 * Member speakers must be known, active members (from the replica); external speakers need a name
 * and an organisation.
 */
export function speakerProblems(
  sessions: readonly { readonly speakers: readonly SpeakerInput[] }[],
  members: ReadonlyMap<string, MemberSpeaker>,
): FieldError[] {
  return sessions.flatMap((session, sessionIndex) =>
    session.speakers.flatMap((speaker, speakerIndex): FieldError[] => {
      const at = `sessions.${sessionIndex}.speakers.${speakerIndex}`;
      if (speaker.memberId) {
        const member = members.get(speaker.memberId);
        if (!member) return [{ field: `${at}.memberId`, message: 'Dieses Mitglied ist nicht bekannt.' }];
        if (!member.active) {
          return [{ field: `${at}.memberId`, message: `${member.name} ist kein aktives Mitglied mehr.` }];
        }
        return [];
      }
      const problems: FieldError[] = [];
      if (!speaker.name) {
        problems.push({ field: `${at}.name`, message: 'Externe Referent*innen brauchen einen Namen.' });
      }
      if (!speaker.organisation) {
        problems.push({
          field: `${at}.organisation`,
          message: 'Externe Referent*innen brauchen eine Organisation.',
        });
      }
      return problems;
    }),
  );
}

/**
 * A speaker as stored: a member with name and organisation as the replica knows them now (what
 * was entered for them is not used), or the external speaker as entered. Call after
 * speakerProblems found nothing.
 */
export function resolveSpeaker(input: SpeakerInput, members: ReadonlyMap<string, MemberSpeaker>): Speaker {
  const member = input.memberId ? members.get(input.memberId) : undefined;
  if (member) {
    return compact({
      kind: 'member',
      memberId: member.memberId,
      name: member.name,
      organisation: member.organisation,
      bio: input.bio || undefined,
    });
  }
  return compact({
    kind: 'external',
    name: input.name ?? '',
    organisation: input.organisation,
    bio: input.bio || undefined,
  });
}
