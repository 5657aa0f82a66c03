import {
  DirectoryQuery,
  EndMembershipOfMemberRequest,
  EndMembershipRequest,
  EraseDataOfMemberRequest,
  EraseMemberDataRequest,
  ImportMemberRequest,
  MemberHistoryRequest,
  MemberIdRequest,
  MembershipRequests,
  ReplyOf,
  UnsubscribeAnnouncementsRequest,
  UpdateOwnProfileRequest,
  UpdateProfileOfMemberRequest,
} from '@ic/contracts';
import { KafkaRequestContext } from '@ic/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { actorOf } from '@ic/platform';
import { EndMembershipUseCase } from './end-membership/end-membership.usecase';
import { EraseMemberDataUseCase } from './erase-member-data/erase-member-data.usecase';
import { ImportMemberUseCase } from './import-member/import-member.usecase';
import { MembersQueries } from './members.queries';
import { UnsubscribeAnnouncementsUseCase } from './unsubscribe-announcements/unsubscribe-announcements.usecase';
import { UpdateProfileUseCase } from './update-profile/update-profile.usecase';

type Requests = typeof MembershipRequests;

@Controller()
export class MembersController {
  constructor(
    private readonly queries: MembersQueries,
    private readonly updateProfile: UpdateProfileUseCase,
    private readonly endMembership: EndMembershipUseCase,
    private readonly unsubscribe: UnsubscribeAnnouncementsUseCase,
    private readonly erasure: EraseMemberDataUseCase,
    private readonly importMember: ImportMemberUseCase,
  ) {}

  @MessagePattern(MembershipRequests.getMember.name)
  get(
    @Payload() request: MemberIdRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['getMember']>> {
    return this.queries.get(request.memberId, actorOf(context.identity));
  }

  @MessagePattern(MembershipRequests.updateOwnProfile.name)
  updateOwn(
    @Payload() request: UpdateOwnProfileRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['updateOwnProfile']>> {
    return this.updateProfile.updateOwn(request, actorOf(context.identity), context.correlationId);
  }

  @MessagePattern(MembershipRequests.updateMember.name)
  update(
    @Payload() request: UpdateProfileOfMemberRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['updateMember']>> {
    return this.updateProfile.updateAny(
      request.memberId,
      request,
      actorOf(context.identity),
      context.correlationId,
    );
  }

  @MessagePattern(MembershipRequests.importMember.name)
  import(
    @Payload() request: ImportMemberRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['importMember']>> {
    return this.importMember.execute(request, actorOf(context.identity), context.correlationId);
  }

  @MessagePattern(MembershipRequests.unsubscribeAnnouncements.name)
  unsubscribeAnnouncements(
    @Payload() request: UnsubscribeAnnouncementsRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['unsubscribeAnnouncements']>> {
    return this.unsubscribe.execute(request.token, context.correlationId);
  }

  @MessagePattern(MembershipRequests.directory.name)
  directory(
    @Payload() query: DirectoryQuery,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['directory']>> {
    return this.queries.directory(query, actorOf(context.identity));
  }

  @MessagePattern(MembershipRequests.history.name)
  history(
    @Payload() request: MemberHistoryRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['history']>> {
    return this.queries.history(request.memberId, request, actorOf(context.identity));
  }

  @MessagePattern(MembershipRequests.leave.name)
  leave(
    @Payload() request: EndMembershipRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['leave']>> {
    return this.endMembership.leave(request.note, actorOf(context.identity), context.correlationId);
  }

  @MessagePattern(MembershipRequests.endMembership.name)
  end(
    @Payload() request: EndMembershipOfMemberRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['endMembership']>> {
    return this.endMembership.endByStaff(
      request.memberId,
      request.note,
      actorOf(context.identity),
      context.correlationId,
    );
  }

  @MessagePattern(MembershipRequests.eraseOwnData.name)
  eraseOwn(
    @Payload() request: EraseMemberDataRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['eraseOwnData']>> {
    return this.erasure.eraseOwn(request, actorOf(context.identity), context.correlationId);
  }

  @MessagePattern(MembershipRequests.eraseMemberData.name)
  erase(
    @Payload() request: EraseDataOfMemberRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['eraseMemberData']>> {
    return this.erasure.eraseByStaff(
      request.memberId,
      request,
      actorOf(context.identity),
      context.correlationId,
    );
  }
}
