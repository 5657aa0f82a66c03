import {
  Actor,
  DelegationPersonDto,
  EventKind,
  federalStateOfAgs,
  RegisterReply,
  RegisterRequest,
} from '@ic/contracts';
import { compact, ForbiddenError, InvalidInputError, NotFoundError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { KnownMember } from '../../replicas/known-member';
import { KnownMembersRepository } from '../../replicas/known-members.repository';
import { refusedBy, StoredPerson, StoredRegistrant } from '../../seats/seat-book';
import { SeatDesk } from '../../seats/seat-desk';
import { seatPlanOf } from '../../seats/seat-plan';
import { Candidate, candidateRefusal, choicesRefusal, registrationWindowRefusal } from '../eligibility.rules';
import { RegistrantKeys, registrationIdOf } from '../registrant';
import { locationOf, RegistrationLookupRepository } from '../registration-lookup.repository';
import { RegistrationReplies } from '../registration-replies';
import { RegistrationMessages } from '../registration.messages';

/** Who a request registers, resolved before the seats are decided. */
interface Subject {
  readonly candidate: Candidate;
  readonly registrant: StoredRegistrant;
  readonly registrantKey: string;
  /** The member registered (or registering their municipality), as the replica knows them. */
  readonly member?: KnownMember;
}

/**
 * Registers a member (themselves, or by the office), a municipality's delegation to a
 * Kommunalzirkel (by its member or the office) or a guest (by the office). Eligibility is decided
 * from this service's replicas only, so registering works while membership and events are down.
 * Registering again answers with the existing registration (`created` false).
 */
@Injectable()
export class RegisterUseCase {
  constructor(
    private readonly members: KnownMembersRepository,
    private readonly desk: SeatDesk,
    private readonly lookup: RegistrationLookupRepository,
    private readonly replies: RegistrationReplies,
  ) {}

  async execute(
    eventId: string,
    request: RegisterRequest,
    actor: Actor,
    correlationId?: string,
  ): Promise<RegisterReply> {
    const subjectFor = await this.subjectOf(request, actor);
    const sessionIds = request.sessionIds ?? [];
    const delegation = request.delegation?.map(newPerson);

    const outcome = await this.desk.submit(
      eventId,
      (book, event, now) => {
        if (!event || event.status === 'draft') throw new NotFoundError(RegistrationMessages.eventNotFound);
        const subject = subjectFor(event.kind);
        const existing = book.findByRegistrant(subject.registrantKey);
        if (existing && existing.entry.status !== 'cancelled') {
          return { view: existing, created: false, event, subject };
        }
        const refusal =
          registrationWindowRefusal(event, now) ??
          candidateRefusal(event, subject.candidate) ??
          choicesRefusal(event, { sessionIds, delegationEmails: delegation?.map((person) => person.email) });
        if (refusal) throw refusedBy(refusal);
        const registered = book.register(
          {
            registrationId: registrationIdOf(eventId, subject.registrantKey),
            registrantKey: subject.registrantKey,
            registrant: subject.registrant,
            registeredBy: actor,
            sessionIds,
            ...(delegation ? { delegation } : {}),
          },
          seatPlanOf(event),
          now,
        );
        return { ...registered, event, subject };
      },
      correlationId,
    );

    // The desk records where new registrations are; this repairs one a crash right after the write left out.
    if (!outcome.created) await this.lookup.record([locationOf(outcome.view)]);
    const known = outcome.subject.member
      ? new Map([[outcome.subject.member.memberId, outcome.subject.member]])
      : undefined;
    return {
      created: outcome.created,
      registration: await this.replies.of(outcome.view, outcome.event, known),
    };
  }

  /**
   * Who the request registers, once the event's kind is known (a Kommunalzirkel takes
   * municipalities): the member is looked up before the seats are decided.
   */
  private async subjectOf(request: RegisterRequest, actor: Actor): Promise<(kind: EventKind) => Subject> {
    const named = (['memberId', 'municipality', 'guest'] as const).filter(
      (field) => request[field] !== undefined,
    );
    if (actor.role === 'member') {
      if (named.length > 0) throw new ForbiddenError(RegistrationMessages.staffFieldsOnly(named.join(', ')));
      const member = await this.members.findById(actor.subject);
      return (kind) => memberSubject(member, actor.subject, kind);
    }
    if (named.length !== 1) {
      throw new InvalidInputError(
        RegistrationMessages.oneRegistrantOnly,
        (named.length > 0 ? named : ['memberId']).map((field) => ({
          field,
          message: RegistrationMessages.oneRegistrantOnly,
        })),
      );
    }
    if (request.memberId) {
      const member = await this.members.findById(request.memberId);
      if (!member) throw new NotFoundError(RegistrationMessages.memberNotFound);
      return (kind) => memberSubject(member, member.memberId, kind);
    }
    if (request.municipality) {
      const municipality = { ...request.municipality };
      const subject: Subject = {
        candidate: { kind: 'municipality', municipality },
        registrant: compact({
          kind: 'municipality',
          municipality,
          federalState: federalStateOfAgs(municipality.ags),
        }),
        registrantKey: RegistrantKeys.municipality(municipality.ags),
      };
      return () => subject;
    }
    const guest = request.guest!;
    const subject: Subject = {
      candidate: { kind: 'guest' },
      registrant: {
        kind: 'guest',
        guest: compact({
          salutation: guest.salutation ?? 'keine',
          firstName: guest.firstName,
          lastName: guest.lastName,
          email: guest.email,
          organisation: guest.organisation,
        }),
      },
      registrantKey: RegistrantKeys.guest(guest.email),
    };
    return () => subject;
  }
}

/**
 * A member registers themselves; for a Kommunalzirkel a municipal member (sector Kommune, with
 * their municipality) registers their municipality instead, which is what a Kommunalzirkel takes.
 */
function memberSubject(member: KnownMember | null, memberId: string, kind: EventKind): Subject {
  const municipality = member?.sector === 'Kommune' ? member.municipality : undefined;
  if (kind === 'kommunalzirkel' && municipality) {
    return {
      member: member!,
      candidate: { kind: 'municipality', municipality, member },
      registrant: compact({
        kind: 'municipality',
        memberId,
        municipality,
        federalState: federalStateOfAgs(municipality.ags),
      }),
      registrantKey: RegistrantKeys.municipality(municipality.ags),
    };
  }
  return {
    ...(member ? { member } : {}),
    candidate: { kind: 'member', member },
    registrant: compact({
      kind: 'member',
      memberId,
      municipality: member?.municipality,
      federalState: member?.federalState,
      sector: member?.sector,
    }),
    registrantKey: RegistrantKeys.member(memberId),
  };
}

function newPerson(person: DelegationPersonDto): StoredPerson {
  return {
    personId: randomUUID(),
    salutation: person.salutation ?? 'keine',
    firstName: person.firstName,
    lastName: person.lastName,
    role: person.role,
    email: person.email,
  };
}
