import {
  Actor,
  DelegationPersonDto,
  EventKind,
  federalStateOfAgs,
  RegisterReply,
  RegisterRequest,
} from '@ic/contracts';
import {
  Clock,
  compact,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RuleViolationError,
} from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { KnownEventsRepository } from '../../replicas/known-events.repository';
import { KnownMember } from '../../replicas/known-member';
import { KnownMembersRepository } from '../../replicas/known-members.repository';
import { SeatSteps } from '../seat-steps/seat-steps';
import { Candidate, candidateRefusal, choicesRefusal, registrationWindowRefusal } from '../eligibility.rules';
import { RegistrantKeys, registrationIdOf } from '../registrant';
import { refusedBy, Registration, RegistrationView, StoredPerson, StoredRegistrant } from '../registration';
import { RegistrationReplies } from '../registration-replies';
import { RegistrationViews } from '../registration-views';
import { RegistrationMessages } from '../registration.messages';
import { RegistrationsRepository } from '../registrations.repository';
import { countSeatDecision } from '../seat-decisions.metrics';

/** Rounds at most when the registration changes under the request (another request of the same registrant). */
const ATTEMPTS = 10;

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
 * Registering again answers with the existing registration (`created` false). The registration is
 * stored first (pending) and then gets its seat or place (SeatSteps), so an accepted registration
 * is never lost, and a registration met half done is finished first.
 */
@Injectable()
export class RegisterUseCase {
  constructor(
    private readonly members: KnownMembersRepository,
    private readonly events: KnownEventsRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly steps: SeatSteps,
    private readonly views: RegistrationViews,
    private readonly replies: RegistrationReplies,
    private readonly clock: Clock,
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
    const event = await this.events.findById(eventId);
    if (!event || event.status === 'draft') throw new NotFoundError(RegistrationMessages.eventNotFound);
    const subject = subjectFor(event.kind);
    const registrationId = registrationIdOf(eventId, subject.registrantKey);
    const known = subject.member ? new Map([[subject.member.memberId, subject.member]]) : undefined;
    const answer = async (view: RegistrationView, created: boolean): Promise<RegisterReply> => ({
      created,
      registration: await this.replies.of(view, event, known),
    });

    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      // Most requests register someone for the first time: the first round inserts without reading
      // first; a registration that exists already (or a refusal) is read in the next round.
      const firstRound = attempt === 1;
      const stored = firstRound ? null : await this.registrations.findById(registrationId);
      if (stored?.step) {
        await this.steps.run(stored.entry, stored.step, correlationId, event);
        continue;
      }
      if (stored && stored.entry.status !== 'cancelled')
        return answer(await this.views.of(stored.entry), false);
      const now = this.clock.now();
      const refusal =
        registrationWindowRefusal(event, now) ??
        candidateRefusal(event, subject.candidate) ??
        choicesRefusal(event, { sessionIds, delegationEmails: delegation?.map((person) => person.email) });
      if (refusal) {
        // Registering again answers with the registration, even once registering has closed.
        if (firstRound) continue;
        countSeatDecision('refused');
        throw refusedBy(refusal);
      }
      const entry: Registration = {
        registrationId,
        eventId,
        registrantKey: subject.registrantKey,
        registrant: subject.registrant,
        registeredBy: actor,
        status: 'waiting',
        sequence: 0,
        sessions: sessionIds.map((sessionId) => ({ sessionId, status: 'pending', sequence: 0 })),
        ...(delegation ? { delegation } : {}),
        revision: (stored?.entry.revision ?? 0) + 1,
        registeredAt: now,
      };
      const step = this.steps.newStep({ kind: 'register' as const });
      const started = stored
        ? await this.registrations.retake(entry, stored.entry.revision, step)
        : await this.registrations.insertPending(entry, step);
      if (!started) continue;
      const view = await this.steps.run(entry, step, correlationId, event);
      if (view) return answer(view, true);
      // Finished by another caller (a recovery pass) meanwhile: answer with what it stored.
      const finished = await this.registrations.findById(registrationId);
      if (finished && !finished.step) return answer(await this.views.of(finished.entry), true);
    }
    throw new ConflictError(RegistrationMessages.changedMeanwhile);
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
      throw new RuleViolationError(
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
