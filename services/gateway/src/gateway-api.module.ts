import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AnalyticsController } from './analytics/analytics.controller';
import { AccessTokenVerifier } from './auth/access-token.verifier';
import { AuthController } from './auth/auth.controller';
import { AuthenticationGuard } from './auth/authentication.guard';
import { BrowserSessionCookie } from './auth/browser-session-cookie';
import { BrowserSessionsController } from './auth/browser-sessions.controller';
import { FailedSignInsController } from './auth/failed-sign-ins.controller';
import { BrowserSessions } from './auth/browser-sessions.service';
import { CsrfProtection } from './auth/csrf-protection';
import { SessionCheck } from './auth/session-check.service';
import { SignInLinkThrottleGuard } from './auth/sign-in-link-throttle.guard';
import { StaffSignInThrottleInterceptor } from './auth/staff-sign-in-throttle.interceptor';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { DocumentTransfer } from './events/document-transfer';
import { EventCalendar } from './events/event-calendar';
import { EventAudienceController } from './events/event-audience.controller';
import { EventCalendarController } from './events/event-calendar.controller';
import { EventDocumentsController } from './events/event-documents.controller';
import { EventsController } from './events/events.controller';
import { InvitationsController } from './invitations/invitations.controller';
import { MembersController } from './members/members.controller';
import { OwnMembershipController } from './members/own-membership.controller';
import { DeadLettersController } from './operations/dead-letters.controller';
import { LinkPagesController } from './pages/link-pages.controller';
import { UnsubscribePages } from './pages/unsubscribe-pages.service';
import { OwnRegistrationsController } from './registrations/own-registrations.controller';
import { ParticipantsExport } from './registrations/participants-export';
import { RegistrationsController } from './registrations/registrations.controller';
import { WebAppModule } from './web/web-app.module';
import { WorkingGroupsController } from './working-groups/working-groups.controller';

/**
 * The HTTP API and the unsubscribe page of announcements, with the authentication guard on every route,
 * and the web app for every other page. Needs the RpcClient and the ConfigService from the app
 * (RpcClientModule, ServiceCoreModule).
 */
@Module({
  imports: [WebAppModule],
  controllers: [
    AuthController,
    BrowserSessionsController,
    FailedSignInsController,
    InvitationsController,
    // Before MembersController: `/members/me` must not be taken for `/members/:id`.
    OwnMembershipController,
    MembersController,
    WorkingGroupsController,
    DeliveriesController,
    EventsController,
    EventCalendarController,
    EventDocumentsController,
    EventAudienceController,
    RegistrationsController,
    OwnRegistrationsController,
    AnalyticsController,
    DeadLettersController,
    LinkPagesController,
  ],
  providers: [
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    AccessTokenVerifier,
    SessionCheck,
    BrowserSessionCookie,
    CsrfProtection,
    BrowserSessions,
    SignInLinkThrottleGuard,
    StaffSignInThrottleInterceptor,
    UnsubscribePages,
    EventCalendar,
    DocumentTransfer,
    ParticipantsExport,
  ],
  exports: [SessionCheck],
})
export class GatewayApiModule {}
