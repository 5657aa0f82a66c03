import {
  Actor,
  ClubEventReply,
  EventKind,
  UpdateCircleRequest,
  UpdateForumRequest,
  UpdateLoungeRequest,
} from '@ic/contracts';
import { retryOnConcurrentChange } from '@ic/persistence';
import { Clock, NotFoundError, requireStaff } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { MemberSpeakersRepository } from '../../replicas/member-speakers.repository';
import { EventPlan } from '../club-event';
import { PlanProposal } from '../club-event.aggregate';
import { EventMessages } from '../club-event.messages';
import { toSnapshot } from '../club-event.mapper';
import { speakerMemberIds } from '../club-event.state';
import { ClubEventsRepository } from '../club-events.repository';
import { updatedCirclePlan, updatedForumPlan, updatedLoungePlan } from '../event-plans';
import { speakerProblems } from '../rules/forum.rules';

/**
 * The office changes an event of one kind: anything while it is a draft, everything but its kind
 * after it was announced, nothing once it was held or cancelled (409). The changed plan is checked
 * against the kind's rules as a whole. EventUpdated says which aspects changed; no change, no event.
 */
@Injectable()
export class UpdateEventUseCase {
  constructor(
    private readonly events: ClubEventsRepository,
    private readonly speakers: MemberSpeakersRepository,
    private readonly clock: Clock,
  ) {}

  async updateForum(
    eventId: string,
    request: UpdateForumRequest,
    actor: Actor,
    correlationId?: string,
  ): Promise<ClubEventReply> {
    requireStaff(actor);
    const sessions = request.sessions;
    const members = await this.speakers.findByIds(sessions ? speakerMemberIds(sessions) : []);
    return this.update(eventId, 'deutschlandforum', actor, correlationId, (current) => ({
      plan: updatedForumPlan(current, request, members),
      problems: sessions ? speakerProblems(sessions, members) : [],
    }));
  }

  async updateLounge(
    eventId: string,
    request: UpdateLoungeRequest,
    actor: Actor,
    correlationId?: string,
  ): Promise<ClubEventReply> {
    requireStaff(actor);
    return this.update(eventId, 'innovators-lounge', actor, correlationId, (current) => ({
      plan: updatedLoungePlan(current, request),
      problems: [],
    }));
  }

  async updateCircle(
    eventId: string,
    request: UpdateCircleRequest,
    actor: Actor,
    correlationId?: string,
  ): Promise<ClubEventReply> {
    requireStaff(actor);
    return this.update(eventId, 'kommunalzirkel', actor, correlationId, (current) => ({
      plan: updatedCirclePlan(current, request),
      problems: [],
    }));
  }

  private async update(
    eventId: string,
    kind: EventKind,
    actor: Actor,
    correlationId: string | undefined,
    propose: (current: EventPlan) => PlanProposal,
  ): Promise<ClubEventReply> {
    const updated = await retryOnConcurrentChange(async () => {
      const event = await this.events.load(eventId);
      if (!event) throw new NotFoundError(EventMessages.notFound);
      event.changePlan(kind, propose, actor, this.clock.now());
      return this.events.save(event, correlationId);
    });
    return toSnapshot(updated);
  }
}
