import { DataServiceModule } from '@ic/messaging';
import { Clock, SecretBox, UnsubscribeTokens } from '@ic/platform';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { MongooseModule } from '@nestjs/mongoose';
import { AccessTokensService } from './auth/access-tokens.service';
import { AuthController } from './auth/auth.controller';
import {
  FAILED_LOGIN_STREAK_MODEL,
  FailedLoginStreakSchema,
  FAILED_SIGN_IN_MODEL,
  FailedSignInSchema,
  SESSION_MODEL,
  SessionSchema,
  SIGN_IN_LINK_MODEL,
  SIGN_IN_LINK_QUOTA_MODEL,
  SIGN_IN_LINK_USE_MODEL,
  SignInLinkQuotaSchema,
  SignInLinkSchema,
  SignInLinkUseSchema,
  STAFF_ACCOUNT_MODEL,
  StaffAccountSchema,
} from './auth/auth.schemas';
import { BootstrapStaffUseCase } from './auth/bootstrap-staff/bootstrap-staff.usecase';
import { OperationsStaff } from './auth/operations-staff';
import { StaffPasswords } from './auth/staff-passwords';
import { BrowserSessionLifetimes } from './auth/browser-session.rules';
import { BrowserSessionsService } from './auth/browser-sessions.service';
import { FailedSignInsQueries } from './auth/failed-sign-ins.queries';
import { FailedSignInsRepository } from './auth/failed-sign-ins.repository';
import { RedeemSignInLinkUseCase } from './auth/redeem-sign-in-link/redeem-sign-in-link.usecase';
import { RequestSignInLinkUseCase } from './auth/request-sign-in-link/request-sign-in-link.usecase';
import { ResolveBrowserSessionUseCase } from './auth/resolve-browser-session/resolve-browser-session.usecase';
import { SessionsRepository } from './auth/sessions.repository';
import { SessionsService } from './auth/sessions.service';
import { SignInLinksRepository } from './auth/sign-in-links.repository';
import { StaffAccountsRepository } from './auth/staff-accounts.repository';
import { StaffLoginUseCase } from './auth/staff-login/staff-login.usecase';
import { StartBrowserSessionUseCase } from './auth/start-browser-session/start-browser-session.usecase';
import { AnswerInvitationUseCase } from './invitations/answer-invitation/answer-invitation.usecase';
import { InvitationOutcomesService } from './invitations/invitation-outcomes.service';
import {
  INVITATION_MODEL,
  INVITATION_OUTCOME_MODEL,
  InvitationOutcomeSchema,
  InvitationSchema,
} from './invitations/invitation.schema';
import { InvitationsController } from './invitations/invitations.controller';
import { InvitationsQueries } from './invitations/invitations.queries';
import { InvitationsRepository } from './invitations/invitations.repository';
import { InviteMemberUseCase } from './invitations/invite-member/invite-member.usecase';
import { ResendInvitationUseCase } from './invitations/resend-invitation/resend-invitation.usecase';
import { RevokeInvitationUseCase } from './invitations/revoke-invitation/revoke-invitation.usecase';
import { ActivateMemberUseCase } from './members/activate-member/activate-member.usecase';
import { EMAIL_CLAIM_MODEL, EmailClaimSchema } from './members/email-claims/email-claim.schema';
import { EmailClaimsRepository } from './members/email-claims/email-claims.repository';
import { EmailClaimsService } from './members/email-claims/email-claims.service';
import { EndMembershipUseCase } from './members/end-membership/end-membership.usecase';
import { ImportMemberUseCase } from './members/import-member/import-member.usecase';
import { EraseMemberDataUseCase } from './members/erase-member-data/erase-member-data.usecase';
import { MEMBER_MODEL, MemberSchema } from './members/member.schema';
import { MembersController } from './members/members.controller';
import { MembersQueries } from './members/members.queries';
import { MembersRepository } from './members/members.repository';
import { UnsubscribeAnnouncementsUseCase } from './members/unsubscribe-announcements/unsubscribe-announcements.usecase';
import { UpdateProfileUseCase } from './members/update-profile/update-profile.usecase';
import { MembershipEnv } from './membership.env';
import { MembershipSeeder } from './membership.seeder';
import { ChangeWorkingGroupUseCase } from './working-groups/change-working-group/change-working-group.usecase';
import { CreateWorkingGroupUseCase } from './working-groups/create-working-group/create-working-group.usecase';
import { WORKING_GROUP_MODEL, WorkingGroupSchema } from './working-groups/working-group.schema';
import { WorkingGroupsController } from './working-groups/working-groups.controller';
import { WorkingGroupsQueries } from './working-groups/working-groups.queries';
import { WorkingGroupsRepository } from './working-groups/working-groups.repository';

@Module({
  imports: [
    DataServiceModule.forService('membership', MembershipEnv),
    MongooseModule.forFeature([
      { name: MEMBER_MODEL, schema: MemberSchema },
      { name: INVITATION_MODEL, schema: InvitationSchema },
      { name: INVITATION_OUTCOME_MODEL, schema: InvitationOutcomeSchema },
      { name: EMAIL_CLAIM_MODEL, schema: EmailClaimSchema },
      { name: WORKING_GROUP_MODEL, schema: WorkingGroupSchema },
      { name: STAFF_ACCOUNT_MODEL, schema: StaffAccountSchema },
      { name: SESSION_MODEL, schema: SessionSchema },
      { name: FAILED_LOGIN_STREAK_MODEL, schema: FailedLoginStreakSchema },
      { name: FAILED_SIGN_IN_MODEL, schema: FailedSignInSchema },
      { name: SIGN_IN_LINK_MODEL, schema: SignInLinkSchema },
      { name: SIGN_IN_LINK_USE_MODEL, schema: SignInLinkUseSchema },
      { name: SIGN_IN_LINK_QUOTA_MODEL, schema: SignInLinkQuotaSchema },
    ]),
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<MembershipEnv, true>) => ({
        secret: config.get('JWT_SECRET', { infer: true }),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [AuthController, InvitationsController, MembersController, WorkingGroupsController],
  providers: [
    Clock,
    {
      provide: SecretBox,
      inject: [ConfigService],
      useFactory: (config: ConfigService<MembershipEnv, true>) =>
        SecretBox.fromBase64Key(config.get('LINK_TOKEN_SECRET', { infer: true })),
    },
    {
      provide: StaffPasswords,
      inject: [ConfigService],
      useFactory: (config: ConfigService<MembershipEnv, true>) =>
        new StaffPasswords(config.get('STAFF_PASSWORD_COST', { infer: true })),
    },
    {
      provide: OperationsStaff,
      inject: [ConfigService],
      useFactory: (config: ConfigService<MembershipEnv, true>) =>
        OperationsStaff.fromEnv(config.get('STAFF_OPERATIONS', { infer: true })),
    },
    {
      provide: BrowserSessionLifetimes,
      inject: [ConfigService],
      useFactory: (config: ConfigService<MembershipEnv, true>) =>
        BrowserSessionLifetimes.fromEnv({
          MEMBER_BROWSER_SESSION_DAYS: config.get('MEMBER_BROWSER_SESSION_DAYS', { infer: true }),
          STAFF_BROWSER_SESSION_HOURS: config.get('STAFF_BROWSER_SESSION_HOURS', { infer: true }),
        }),
    },
    {
      provide: UnsubscribeTokens,
      inject: [ConfigService],
      useFactory: (config: ConfigService<MembershipEnv, true>) =>
        UnsubscribeTokens.fromLinkTokenSecret(config.get('LINK_TOKEN_SECRET', { infer: true })),
    },
    MembersRepository,
    InvitationsRepository,
    EmailClaimsRepository,
    WorkingGroupsRepository,
    StaffAccountsRepository,
    SessionsRepository,
    FailedSignInsRepository,
    FailedSignInsQueries,
    SignInLinksRepository,
    EmailClaimsService,
    InvitationOutcomesService,
    AccessTokensService,
    SessionsService,
    BrowserSessionsService,
    StaffLoginUseCase,
    StartBrowserSessionUseCase,
    ResolveBrowserSessionUseCase,
    BootstrapStaffUseCase,
    RequestSignInLinkUseCase,
    RedeemSignInLinkUseCase,
    InviteMemberUseCase,
    ResendInvitationUseCase,
    RevokeInvitationUseCase,
    AnswerInvitationUseCase,
    InvitationsQueries,
    ActivateMemberUseCase,
    UpdateProfileUseCase,
    UnsubscribeAnnouncementsUseCase,
    EndMembershipUseCase,
    ImportMemberUseCase,
    EraseMemberDataUseCase,
    MembersQueries,
    CreateWorkingGroupUseCase,
    ChangeWorkingGroupUseCase,
    WorkingGroupsQueries,
    MembershipSeeder,
  ],
})
export class MembershipModule {}
