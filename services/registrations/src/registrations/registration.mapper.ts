import { RegisteredEventReply, RegistrantReply, RegistrationReply, SessionChoiceReply } from '@ic/contracts';
import { compact } from '@ic/platform';
import { KnownEvent } from '../replicas/known-event';
import { displayNameOf, KnownMember } from '../replicas/known-member';
import { RegistrationView } from './registration';

/** What a reply needs besides the registration: its event and the members it names. */
export interface ReplyContext {
  readonly event: KnownEvent;
  readonly members: ReadonlyMap<string, KnownMember>;
}

/** A registration as the registrant and the office see it: names in clear, workshops with their titles. */
export function toRegistrationReply(view: RegistrationView, context: ReplyContext): RegistrationReply {
  const { entry } = view;
  const { event } = context;
  return compact({
    registrationId: entry.registrationId,
    eventId: event.eventId,
    revision: entry.revision,
    event: registeredEventOf(event),
    status: entry.status,
    waitingPlace: view.waitingPlace,
    registrant: registrantReplyOf(view, context.members),
    registeredBy: entry.registeredBy,
    sessions: entry.sessions.flatMap((choice): SessionChoiceReply[] => {
      const session = event.snapshot.forum?.sessions.find(
        (candidate) => candidate.sessionId === choice.sessionId,
      );
      return session
        ? [
            compact({
              sessionId: choice.sessionId,
              title: session.title,
              startsAt: session.startsAt,
              endsAt: session.endsAt,
              status: choice.status,
              waitingPlace: view.sessionPlaces[choice.sessionId],
            }),
          ]
        : [];
    }),
    delegation: entry.delegation?.map((person) =>
      compact({
        personId: person.personId,
        salutation: person.salutation,
        firstName: person.firstName,
        lastName: person.lastName,
        role: person.role,
        email: person.email,
        attended: person.attended,
        attendedModules: person.attendedModules ? [...person.attendedModules] : undefined,
      }),
    ),
    attended: entry.attended,
    registeredAt: entry.registeredAt.toISOString(),
    confirmedAt: entry.confirmedAt?.toISOString(),
    cancelledAt: entry.cancelledAt?.toISOString(),
    cancellation: entry.cancellation ? compact({ ...entry.cancellation }) : undefined,
    changeableUntil: event.snapshot.registration.closesAt,
  });
}

function registrantReplyOf(
  view: RegistrationView,
  members: ReadonlyMap<string, KnownMember>,
): RegistrantReply {
  const { registrant } = view.entry;
  const member = registrant.memberId ? members.get(registrant.memberId) : undefined;
  const common = {
    kind: registrant.kind,
    memberId: registrant.memberId,
    sector: registrant.sector,
    federalState: registrant.federalState,
    municipality: registrant.municipality,
  };
  switch (registrant.kind) {
    case 'member':
      return compact({
        ...common,
        name: member ? displayNameOf(member) : 'Mitglied',
        officeTitle: member?.officeTitle,
        organisation: member?.organisation,
        email: member?.email,
      });
    case 'municipality':
      return compact({
        ...common,
        name: registrant.municipality?.name ?? 'Kommune',
        organisation: member?.organisation,
        email: member?.email,
      });
    case 'guest':
      return compact({
        ...common,
        name: registrant.guest ? displayNameOf(registrant.guest) : 'Gast',
        organisation: registrant.guest?.organisation,
        email: registrant.guest?.email,
      });
  }
}

/** Member ids a list of registrations names, to look them up at once. */
export function memberIdsOf(views: readonly RegistrationView[]): string[] {
  return [
    ...new Set(
      views.flatMap((view) => (view.entry.registrant.memberId ? [view.entry.registrant.memberId] : [])),
    ),
  ];
}

/** The event a registration or an interest is for, as a list of them shows it. */
export function registeredEventOf(event: KnownEvent): RegisteredEventReply {
  return compact({
    title: event.title,
    kind: event.kind,
    status: event.status,
    startsAt: event.snapshot.startsAt,
    endsAt: event.snapshot.endsAt,
  });
}
