import {
  CancelEventWithIdRequest,
  CreateCircleRequest,
  CreateForumRequest,
  CreateLoungeRequest,
  EventIdRequest,
  EventListQuery,
  EventsRequests,
  ReplyOf,
  UpdateCircleWithIdRequest,
  UpdateForumWithIdRequest,
  UpdateLoungeWithIdRequest,
} from '@ic/contracts';
import { KafkaRequestContext } from '@ic/messaging';
import { actorOf } from '@ic/platform';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { ChangeStatusUseCase } from './change-status/change-status.usecase';
import { ClubEventsQueries } from './club-events.queries';
import { CreateEventUseCase } from './create-event/create-event.usecase';
import { UpdateEventUseCase } from './update-event/update-event.usecase';
import { viewerOf } from './viewer';

type Requests = typeof EventsRequests;

@Controller()
export class ClubEventsController {
  constructor(
    private readonly create: CreateEventUseCase,
    private readonly update: UpdateEventUseCase,
    private readonly status: ChangeStatusUseCase,
    private readonly queries: ClubEventsQueries,
  ) {}

  @MessagePattern(EventsRequests.createForum.name)
  createForum(
    @Payload() request: CreateForumRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['createForum']>> {
    return this.create.createForum(request, actorOf(context.identity), context.correlationId);
  }

  @MessagePattern(EventsRequests.createLounge.name)
  createLounge(
    @Payload() request: CreateLoungeRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['createLounge']>> {
    return this.create.createLounge(request, actorOf(context.identity), context.correlationId);
  }

  @MessagePattern(EventsRequests.createCircle.name)
  createCircle(
    @Payload() request: CreateCircleRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['createCircle']>> {
    return this.create.createCircle(request, actorOf(context.identity), context.correlationId);
  }

  @MessagePattern(EventsRequests.updateForum.name)
  updateForum(
    @Payload() request: UpdateForumWithIdRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['updateForum']>> {
    const { eventId, ...changes } = request;
    return this.update.updateForum(eventId, changes, actorOf(context.identity), context.correlationId);
  }

  @MessagePattern(EventsRequests.updateLounge.name)
  updateLounge(
    @Payload() request: UpdateLoungeWithIdRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['updateLounge']>> {
    const { eventId, ...changes } = request;
    return this.update.updateLounge(eventId, changes, actorOf(context.identity), context.correlationId);
  }

  @MessagePattern(EventsRequests.updateCircle.name)
  updateCircle(
    @Payload() request: UpdateCircleWithIdRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['updateCircle']>> {
    const { eventId, ...changes } = request;
    return this.update.updateCircle(eventId, changes, actorOf(context.identity), context.correlationId);
  }

  @MessagePattern(EventsRequests.announce.name)
  announce(
    @Payload() request: EventIdRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['announce']>> {
    return this.status.announce(request.eventId, actorOf(context.identity), context.correlationId);
  }

  @MessagePattern(EventsRequests.openRegistration.name)
  openRegistration(
    @Payload() request: EventIdRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['openRegistration']>> {
    return this.status.openRegistration(request.eventId, actorOf(context.identity), context.correlationId);
  }

  @MessagePattern(EventsRequests.closeRegistration.name)
  closeRegistration(
    @Payload() request: EventIdRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['closeRegistration']>> {
    return this.status.closeRegistration(request.eventId, actorOf(context.identity), context.correlationId);
  }

  @MessagePattern(EventsRequests.markHeld.name)
  markHeld(
    @Payload() request: EventIdRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['markHeld']>> {
    return this.status.markHeld(request.eventId, actorOf(context.identity), context.correlationId);
  }

  @MessagePattern(EventsRequests.cancel.name)
  cancel(
    @Payload() request: CancelEventWithIdRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['cancel']>> {
    return this.status.cancel(
      request.eventId,
      request.reason,
      actorOf(context.identity),
      context.correlationId,
    );
  }

  @MessagePattern(EventsRequests.get.name)
  get(
    @Payload() request: EventIdRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['get']>> {
    return this.queries.get(request.eventId, viewerOf(context.identity));
  }

  @MessagePattern(EventsRequests.list.name)
  list(
    @Payload() query: EventListQuery,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['list']>> {
    return this.queries.list(query, viewerOf(context.identity));
  }

  /** Public: the gateway serves it without sign-in to calendar programs. */
  @MessagePattern(EventsRequests.calendarFeed.name)
  calendarFeed(): Promise<ReplyOf<Requests['calendarFeed']>> {
    return this.queries.calendarFeed();
  }
}
