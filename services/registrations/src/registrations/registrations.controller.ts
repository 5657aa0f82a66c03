import {
  ChangeDelegationOfRegistrationRequest,
  DeclareInterestInEventRequest,
  EventIdRequest,
  OwnInterestsQuery,
  OwnRegistrationsQuery,
  ParticipantListRequest,
  RecordAttendanceOfRegistrationRequest,
  RegisterForEventRequest,
  RegistrationIdRequest,
  RegistrationsRequests,
  ReplyOf,
} from '@ic/contracts';
import { KafkaRequestContext } from '@ic/messaging';
import { actorOf } from '@ic/platform';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { DeclareInterestUseCase } from '../interest/declare-interest/declare-interest.usecase';
import { CancelRegistrationUseCase } from './cancel-registration/cancel-registration.usecase';
import { ChangeDelegationUseCase } from './change-delegation/change-delegation.usecase';
import { RecordAttendanceUseCase } from './record-attendance/record-attendance.usecase';
import { RegisterUseCase } from './register/register.usecase';
import { RegistrationsQueries } from './registrations.queries';

type Requests = typeof RegistrationsRequests;

@Controller()
export class RegistrationsController {
  constructor(
    private readonly register: RegisterUseCase,
    private readonly cancel: CancelRegistrationUseCase,
    private readonly changeDelegation: ChangeDelegationUseCase,
    private readonly recordAttendance: RecordAttendanceUseCase,
    private readonly declareInterest: DeclareInterestUseCase,
    private readonly queries: RegistrationsQueries,
  ) {}

  @MessagePattern(RegistrationsRequests.register.name)
  registerFor(
    @Payload() request: RegisterForEventRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['register']>> {
    const { eventId, ...body } = request;
    return this.register.execute(eventId, body, actorOf(context.identity), context.correlationId);
  }

  @MessagePattern(RegistrationsRequests.get.name)
  get(
    @Payload() request: RegistrationIdRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['get']>> {
    return this.queries.get(request.registrationId, actorOf(context.identity));
  }

  @MessagePattern(RegistrationsRequests.listOwn.name)
  listOwn(
    @Payload() query: OwnRegistrationsQuery,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['listOwn']>> {
    return this.queries.listOwn(query, actorOf(context.identity));
  }

  @MessagePattern(RegistrationsRequests.listOwnInterests.name)
  listOwnInterests(
    @Payload() query: OwnInterestsQuery,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['listOwnInterests']>> {
    return this.queries.listOwnInterests(query, actorOf(context.identity));
  }

  @MessagePattern(RegistrationsRequests.cancel.name)
  cancelRegistration(
    @Payload() request: RegistrationIdRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['cancel']>> {
    return this.cancel.execute(request.registrationId, actorOf(context.identity), context.correlationId);
  }

  @MessagePattern(RegistrationsRequests.changeDelegation.name)
  changeDelegationOf(
    @Payload() request: ChangeDelegationOfRegistrationRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['changeDelegation']>> {
    const { registrationId, ...body } = request;
    return this.changeDelegation.execute(
      registrationId,
      body,
      actorOf(context.identity),
      context.correlationId,
    );
  }

  @MessagePattern(RegistrationsRequests.recordAttendance.name)
  recordAttendanceOf(
    @Payload() request: RecordAttendanceOfRegistrationRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['recordAttendance']>> {
    const { registrationId, ...body } = request;
    return this.recordAttendance.execute(
      registrationId,
      body,
      actorOf(context.identity),
      context.correlationId,
    );
  }

  @MessagePattern(RegistrationsRequests.declareInterest.name)
  declareInterestIn(
    @Payload() request: DeclareInterestInEventRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['declareInterest']>> {
    const { eventId, ...body } = request;
    return this.declareInterest.execute(eventId, body, actorOf(context.identity), context.correlationId);
  }

  @MessagePattern(RegistrationsRequests.participants.name)
  participants(
    @Payload() request: ParticipantListRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['participants']>> {
    const { eventId, ...query } = request;
    return this.queries.participants(eventId, query, actorOf(context.identity));
  }

  @MessagePattern(RegistrationsRequests.stats.name)
  stats(
    @Payload() request: EventIdRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['stats']>> {
    return this.queries.stats(request, actorOf(context.identity));
  }

  @MessagePattern(RegistrationsRequests.seats.name)
  seats(@Payload() request: EventIdRequest): Promise<ReplyOf<Requests['seats']>> {
    return this.queries.seats(request);
  }
}
