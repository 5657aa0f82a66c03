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
import { ClubEvent, EventPlan } from '../club-event';
import { ClubEventChanges } from '../club-event.changes';
import { toSnapshot } from '../club-event.mapper';
import { stateWithPlan, speakerMemberIds } from '../club-event.state';
import { ClubEventsRepository } from '../club-events.repository';
import { circlePlanOf, forumPlanOf, loungePlanOf } from '../event-plans';
import { eventPlanProblems } from '../rules/event-plan.rules';
import { speakerProblems } from '../rules/forum.rules';
import { assertNoRuleViolations } from '../rules/rule-problems';

/**
 * The office creates an event of one kind as a draft (EventDrafted). Its kind's rules are checked
 * first; a refused event stores nothing.
 */
@Injectable()
export class CreateEventUseCase {
  constructor(
    private readonly events: ClubEventsRepository,
    private readonly speakers: MemberSpeakersRepository,
    private readonly changes: ClubEventChanges,
    private readonly clock: Clock,
  ) {}

  async createForum(
    request: CreateForumRequest,
    actor: Actor,
    correlationId?: string,
  ): Promise<ClubEventReply> {
    requireStaff(actor);
    const members = await this.speakers.findByIds(speakerMemberIds(request.sessions));
    const plan = forumPlanOf(request, members);
    assertNoRuleViolations([...speakerProblems(request.sessions, members), ...eventPlanProblems(plan)]);
    return this.create(plan, actor, correlationId);
  }

  async createLounge(
    request: CreateLoungeRequest,
    actor: Actor,
    correlationId?: string,
  ): Promise<ClubEventReply> {
    requireStaff(actor);
    const plan = loungePlanOf(request);
    assertNoRuleViolations(eventPlanProblems(plan));
    return this.create(plan, actor, correlationId);
  }

  async createCircle(
    request: CreateCircleRequest,
    actor: Actor,
    correlationId?: string,
  ): Promise<ClubEventReply> {
    requireStaff(actor);
    const plan = circlePlanOf(request);
    assertNoRuleViolations(eventPlanProblems(plan));
    return this.create(plan, actor, correlationId);
  }

  private async create(plan: EventPlan, actor: Actor, correlationId?: string): Promise<ClubEventReply> {
    const id = randomUUID();
    const now = this.clock.now();
    const state = stateWithPlan(plan, { status: 'draft', documents: [], createdAt: now }, now);
    const event: ClubEvent = { ...state, id, revision: 1 };
    await this.events.insert(id, state, [this.changes.drafted(event, actor, correlationId)]);
    return toSnapshot(event);
  }
}
