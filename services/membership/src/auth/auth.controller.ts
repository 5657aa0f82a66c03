import {
  LinkTokenRequest,
  MembershipRequests,
  ReplyOf,
  SignInLinkRequest,
  StaffLoginRequest,
} from '@ic/contracts';
import { KafkaRequestContext } from '@ic/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { actorOf } from '@ic/platform';
import { LogoutPayload, SessionPayload } from '../shared/request-payloads';
import { RedeemSignInLinkUseCase } from './redeem-sign-in-link/redeem-sign-in-link.usecase';
import { RequestSignInLinkUseCase } from './request-sign-in-link/request-sign-in-link.usecase';
import { SessionsService } from './sessions.service';
import { StaffLoginUseCase } from './staff-login/staff-login.usecase';

type Requests = typeof MembershipRequests;

@Controller()
export class AuthController {
  constructor(
    private readonly staffLogin: StaffLoginUseCase,
    private readonly requestLink: RequestSignInLinkUseCase,
    private readonly redeemLink: RedeemSignInLinkUseCase,
    private readonly sessions: SessionsService,
  ) {}

  @MessagePattern(MembershipRequests.staffLogin.name)
  login(@Payload() request: StaffLoginRequest): Promise<ReplyOf<Requests['staffLogin']>> {
    return this.staffLogin.execute(request);
  }

  @MessagePattern(MembershipRequests.logout.name)
  logout(
    @Payload() request: LogoutPayload,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['logout']>> {
    return this.sessions.logout(request.sessionId ?? context.identity.sessionId, actorOf(context.identity));
  }

  @MessagePattern(MembershipRequests.sessionActive.name)
  sessionActive(@Payload() request: SessionPayload): Promise<ReplyOf<Requests['sessionActive']>> {
    return this.sessions.isActive(request.sessionId);
  }

  @MessagePattern(MembershipRequests.requestSignInLink.name)
  requestSignInLink(
    @Payload() request: SignInLinkRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['requestSignInLink']>> {
    return this.requestLink.execute(request, context.correlationId);
  }

  @MessagePattern(MembershipRequests.redeemSignInLink.name)
  redeemSignInLink(@Payload() request: LinkTokenRequest): Promise<ReplyOf<Requests['redeemSignInLink']>> {
    return this.redeemLink.execute(request.token);
  }
}
