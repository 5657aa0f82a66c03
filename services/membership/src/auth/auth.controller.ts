import {
  LinkTokenRequest,
  LogoutRequest,
  MembershipRequests,
  ReplyOf,
  SessionRequest,
  SessionSecretHashesRequest,
  SessionSecretHashRequest,
  SessionsRequest,
  SignInLinkRequest,
  StaffLoginRequest,
  StartMemberBrowserSessionRequest,
  StartStaffBrowserSessionRequest,
} from '@ic/contracts';
import { KafkaRequestContext } from '@ic/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { actorOf } from '@ic/platform';
import { FailedSignInsQueries } from './failed-sign-ins.queries';
import { RedeemSignInLinkUseCase } from './redeem-sign-in-link/redeem-sign-in-link.usecase';
import { RequestSignInLinkUseCase } from './request-sign-in-link/request-sign-in-link.usecase';
import { SessionsService } from './sessions.service';
import { ResolveBrowserSessionUseCase } from './resolve-browser-session/resolve-browser-session.usecase';
import { StaffLoginUseCase } from './staff-login/staff-login.usecase';
import { StartBrowserSessionUseCase } from './start-browser-session/start-browser-session.usecase';

type Requests = typeof MembershipRequests;

@Controller()
export class AuthController {
  constructor(
    private readonly staffLogin: StaffLoginUseCase,
    private readonly requestLink: RequestSignInLinkUseCase,
    private readonly redeemLink: RedeemSignInLinkUseCase,
    private readonly sessions: SessionsService,
    private readonly startBrowserSession: StartBrowserSessionUseCase,
    private readonly resolveBrowserSession: ResolveBrowserSessionUseCase,
    private readonly failedSignIns: FailedSignInsQueries,
  ) {}

  @MessagePattern(MembershipRequests.staffLogin.name)
  login(@Payload() request: StaffLoginRequest): Promise<ReplyOf<Requests['staffLogin']>> {
    return this.staffLogin.execute(request);
  }

  @MessagePattern(MembershipRequests.logout.name)
  logout(
    @Payload() request: LogoutRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['logout']>> {
    return this.sessions.logout(
      request.sessionId ?? context.identity.sessionId,
      actorOf(context.identity),
      context.correlationId,
    );
  }

  @MessagePattern(MembershipRequests.sessionActive.name)
  async sessionActive(@Payload() request: SessionRequest): Promise<ReplyOf<Requests['sessionActive']>> {
    const [activity] = await this.sessions.areActive([request.sessionId]);
    return activity;
  }

  @MessagePattern(MembershipRequests.sessionsActive.name)
  async sessionsActive(@Payload() request: SessionsRequest): Promise<ReplyOf<Requests['sessionsActive']>> {
    return { sessions: await this.sessions.areActive(request.sessionIds) };
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

  @MessagePattern(MembershipRequests.startMemberBrowserSession.name)
  startMemberBrowserSession(
    @Payload() request: StartMemberBrowserSessionRequest,
  ): Promise<ReplyOf<Requests['startMemberBrowserSession']>> {
    return this.startBrowserSession.forMember(request);
  }

  @MessagePattern(MembershipRequests.startStaffBrowserSession.name)
  startStaffBrowserSession(
    @Payload() request: StartStaffBrowserSessionRequest,
  ): Promise<ReplyOf<Requests['startStaffBrowserSession']>> {
    return this.startBrowserSession.forStaff(request);
  }

  @MessagePattern(MembershipRequests.resolveBrowserSession.name)
  async resolve(
    @Payload() request: SessionSecretHashRequest,
  ): Promise<ReplyOf<Requests['resolveBrowserSession']>> {
    const [resolution] = await this.resolveBrowserSession.execute([request.sessionSecretHash]);
    return resolution;
  }

  @MessagePattern(MembershipRequests.resolveBrowserSessions.name)
  async resolveMany(
    @Payload() request: SessionSecretHashesRequest,
  ): Promise<ReplyOf<Requests['resolveBrowserSessions']>> {
    return { resolutions: await this.resolveBrowserSession.execute(request.sessionSecretHashes) };
  }

  @MessagePattern(MembershipRequests.endBrowserSession.name)
  endBrowserSession(
    @Payload() request: SessionSecretHashRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['endBrowserSession']>> {
    return this.sessions.endBrowserSession(request.sessionSecretHash, context.correlationId);
  }

  /** For the office only. The request has no fields. */
  @MessagePattern(MembershipRequests.failedSignIns.name)
  listFailedSignIns(@Ctx() context: KafkaRequestContext): Promise<ReplyOf<Requests['failedSignIns']>> {
    return this.failedSignIns.list(actorOf(context.identity));
  }
}
