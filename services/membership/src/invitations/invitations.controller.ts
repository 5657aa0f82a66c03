import {
  DeclineInvitationRequest,
  InvitationAcceptanceRequest,
  InvitationIdRequest,
  InvitationListQuery,
  InviteMemberRequest,
  LinkTokenRequest,
  MembershipRequests,
  ReplyOf,
} from '@ic/contracts';
import { KafkaRequestContext } from '@ic/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { actorOf } from '@ic/platform';
import { AnswerInvitationUseCase } from './answer-invitation/answer-invitation.usecase';
import { InvitationsQueries } from './invitations.queries';
import { InviteMemberUseCase } from './invite-member/invite-member.usecase';
import { ResendInvitationUseCase } from './resend-invitation/resend-invitation.usecase';
import { RevokeInvitationUseCase } from './revoke-invitation/revoke-invitation.usecase';

type Requests = typeof MembershipRequests;

@Controller()
export class InvitationsController {
  constructor(
    private readonly inviteMember: InviteMemberUseCase,
    private readonly resendInvitation: ResendInvitationUseCase,
    private readonly revokeInvitation: RevokeInvitationUseCase,
    private readonly answerInvitation: AnswerInvitationUseCase,
    private readonly queries: InvitationsQueries,
  ) {}

  @MessagePattern(MembershipRequests.invite.name)
  invite(
    @Payload() request: InviteMemberRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['invite']>> {
    return this.inviteMember.execute(request, actorOf(context.identity), context.correlationId);
  }

  @MessagePattern(MembershipRequests.listInvitations.name)
  list(
    @Payload() query: InvitationListQuery,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['listInvitations']>> {
    return this.queries.list(query, actorOf(context.identity));
  }

  @MessagePattern(MembershipRequests.getInvitation.name)
  get(
    @Payload() request: InvitationIdRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['getInvitation']>> {
    return this.queries.get(request.invitationId, actorOf(context.identity));
  }

  @MessagePattern(MembershipRequests.resendInvitation.name)
  resend(
    @Payload() request: InvitationIdRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['resendInvitation']>> {
    return this.resendInvitation.execute(
      request.invitationId,
      actorOf(context.identity),
      context.correlationId,
    );
  }

  @MessagePattern(MembershipRequests.revokeInvitation.name)
  revoke(
    @Payload() request: InvitationIdRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['revokeInvitation']>> {
    return this.revokeInvitation.execute(
      request.invitationId,
      actorOf(context.identity),
      context.correlationId,
    );
  }

  @MessagePattern(MembershipRequests.previewInvitation.name)
  preview(@Payload() request: LinkTokenRequest): Promise<ReplyOf<Requests['previewInvitation']>> {
    return this.queries.preview(request.token);
  }

  @MessagePattern(MembershipRequests.acceptInvitation.name)
  accept(
    @Payload() request: InvitationAcceptanceRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['acceptInvitation']>> {
    return this.answerInvitation.accept(request, context.correlationId);
  }

  @MessagePattern(MembershipRequests.declineInvitation.name)
  decline(
    @Payload() request: DeclineInvitationRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['declineInvitation']>> {
    return this.answerInvitation.decline(request, context.correlationId);
  }
}
