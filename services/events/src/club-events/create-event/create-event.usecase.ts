import {
  Actor,
  ClubEventReply,
  CreateCircleRequest,
  CreateForumRequest,
  CreateLoungeRequest,
} from '@ic/contracts';
import { Clock, requireStaff } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MemberSpeakersRepository } from '../../replicas/member-speakers.repository';
import { ClubEventAggregate, PlanProposal } from '../club-event.aggregate';
import { toSnapshot } from '../club-event.mapper';
import { speakerMemberIds } from '../club-event.state';
import { ClubEventsRepository } from '../club-events.repository';
import { circlePlanOf, forumPlanOf, loungePlanOf } from '../event-plans';
import { speakerProblems } from '../rules/forum.rules';

/**
 * The office creates an event of one kind as a draft (EventDrafted). Its kind's rules are checked
 * first; a refused event stores nothing.
 */
@Injectable()
export class CreateEventUseCase {
  constructor(
    private readonly events: ClubEventsRepository,
    private readonly speakers: MemberSpeakersRepository,
    private readonly clock: Clock,
  ) {}

  async createForum(
    request: CreateForumRequest,
    actor: Actor,
    correlationId?: string,
  ): Promise<ClubEventReply> {
    requireStaff(actor);
    const members = await this.speakers.findByIds(speakerMemberIds(request.sessions));
    const proposal = {
      plan: forumPlanOf(request, members),
      problems: speakerProblems(request.sessions, members),
    };
    return this.create(proposal, actor, correlationId);
  }

  async createLounge(
    request: CreateLoungeRequest,
    actor: Actor,
    correlationId?: string,
  ): Promise<ClubEventReply> {
    requireStaff(actor);
    return this.create({ plan: loungePlanOf(request), problems: [] }, actor, correlationId);
  }

  async createCircle(
    request: CreateCircleRequest,
    actor: Actor,
    correlationId?: string,
  ): Promise<ClubEventReply> {
    requireStaff(actor);
    return this.create({ plan: circlePlanOf(request), problems: [] }, actor, correlationId);
  }

  private async create(
    proposal: PlanProposal,
    actor: Actor,
    correlationId?: string,
  ): Promise<ClubEventReply> {
    const event = ClubEventAggregate.draft(randomUUID(), proposal, actor, this.clock.now());
    return toSnapshot(await this.events.save(event, correlationId));
  }
}
