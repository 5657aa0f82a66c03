import {
  AnalyticsEventsQuery,
  AnalyticsRequests,
  EventFiguresRequest,
  MembershipMonthsQuery,
  ParticipationQuery,
  ReplyOf,
} from '@ic/contracts';
import { KafkaRequestContext } from '@ic/messaging';
import { actorOf, requireStaff } from '@ic/platform';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { FiguresQueries } from './figures.queries';

type Requests = typeof AnalyticsRequests;

/** The office's figures; only staff may read them. */
@Controller()
export class FiguresController {
  constructor(private readonly figures: FiguresQueries) {}

  @MessagePattern(AnalyticsRequests.events.name)
  events(
    @Payload() query: AnalyticsEventsQuery,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['events']>> {
    requireStaff(actorOf(context.identity));
    return this.figures.events(query);
  }

  @MessagePattern(AnalyticsRequests.event.name)
  event(
    @Payload() request: EventFiguresRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['event']>> {
    requireStaff(actorOf(context.identity));
    const { eventId, ...query } = request;
    return this.figures.event(eventId, query);
  }

  @MessagePattern(AnalyticsRequests.participation.name)
  participation(
    @Payload() query: ParticipationQuery,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['participation']>> {
    requireStaff(actorOf(context.identity));
    return this.figures.participation(query);
  }

  @MessagePattern(AnalyticsRequests.membership.name)
  membership(
    @Payload() query: MembershipMonthsQuery,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['membership']>> {
    requireStaff(actorOf(context.identity));
    return this.figures.membership(query);
  }

  @MessagePattern(AnalyticsRequests.workingGroups.name)
  workingGroups(@Ctx() context: KafkaRequestContext): Promise<ReplyOf<Requests['workingGroups']>> {
    requireStaff(actorOf(context.identity));
    return this.figures.workingGroups();
  }
}
