import { DataServiceModule, MEMBER_ERASURE_FOLLOW_UP, memberReplicaControllerFor } from '@ic/messaging';
import { Clock, SecretBox } from '@ic/platform';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MongooseModule } from '@nestjs/mongoose';
import { DeclareInterestUseCase } from './interest/declare-interest/declare-interest.usecase';
import { INTEREST_MODEL, InterestSchema } from './interest/interest.schema';
import { InterestsRepository } from './interest/interests.repository';
import { TellInterestHoldersUseCase } from './interest/tell-interest-holders/tell-interest-holders.usecase';
import { ApplyEventChangeUseCase } from './registrations/apply-event-change/apply-event-change.usecase';
import { CancelErasedMemberRegistrationsUseCase } from './registrations/cancel-erased-member-registrations/cancel-erased-member-registrations.usecase';
import { CancelRegistrationUseCase } from './registrations/cancel-registration/cancel-registration.usecase';
import { ChangeDelegationUseCase } from './registrations/change-delegation/change-delegation.usecase';
import { RecordAttendanceUseCase } from './registrations/record-attendance/record-attendance.usecase';
import { RegisterUseCase } from './registrations/register/register.usecase';
import { RegistrationChanges } from './registrations/registration-changes';
import { EVENT_NOTICE_MODEL, EventNoticeSchema } from './registrations/event-notice.schema';
import { EventNoticesRepository } from './registrations/event-notices.repository';
import { RegistrationReplies } from './registrations/registration-replies';
import { RegistrationUpdates } from './registrations/registration-updates';
import { RegistrationViews } from './registrations/registration-views';
import { REGISTRATION_MODEL, RegistrationSchema } from './registrations/registration.schema';
import { RegistrationsRepository } from './registrations/registrations.repository';
import { RegistrationsController } from './registrations/registrations.controller';
import { RegistrationsQueries } from './registrations/registrations.queries';
import { RegistrationsEnv } from './registrations.env';
import { ClubEventsController } from './replicas/club-events.controller';
import { KNOWN_EVENT_MODEL, KnownEventSchema } from './replicas/known-event.schema';
import { KnownEventsRepository } from './replicas/known-events.repository';
import { KNOWN_MEMBER_MODEL, KnownMemberSchema } from './replicas/known-member.schema';
import { KnownMembersRepository } from './replicas/known-members.repository';
import { EVENT_SEATS_MODEL, EventSeatsSchema } from './seats/event-seats.schema';
import { EventSeatsRepository } from './seats/event-seats.repository';
import { SeatBookMigration } from './registrations/seat-book-migration';
import { SeatRecovery } from './registrations/seat-steps/seat-recovery';
import { SeatSteps } from './registrations/seat-steps/seat-steps';
import { ContactSealer } from './shared/contact-sealer';

@Module({
  imports: [
    DataServiceModule.forService('registrations', RegistrationsEnv),
    MongooseModule.forFeature([
      { name: REGISTRATION_MODEL, schema: RegistrationSchema },
      { name: EVENT_SEATS_MODEL, schema: EventSeatsSchema },
      { name: EVENT_NOTICE_MODEL, schema: EventNoticeSchema },
      { name: INTEREST_MODEL, schema: InterestSchema },
      { name: KNOWN_MEMBER_MODEL, schema: KnownMemberSchema },
      { name: KNOWN_EVENT_MODEL, schema: KnownEventSchema },
    ]),
  ],
  controllers: [
    RegistrationsController,
    memberReplicaControllerFor(KnownMembersRepository),
    ClubEventsController,
  ],
  providers: [
    Clock,
    {
      provide: SecretBox,
      inject: [ConfigService],
      useFactory: (config: ConfigService<RegistrationsEnv, true>) =>
        SecretBox.fromBase64Key(config.get('LINK_TOKEN_SECRET', { infer: true })),
    },
    RegistrationsRepository,
    EventSeatsRepository,
    EventNoticesRepository,
    InterestsRepository,
    KnownMembersRepository,
    KnownEventsRepository,
    ContactSealer,
    RegistrationChanges,
    RegistrationViews,
    RegistrationUpdates,
    SeatSteps,
    SeatRecovery,
    SeatBookMigration,
    RegistrationReplies,
    RegisterUseCase,
    CancelRegistrationUseCase,
    CancelErasedMemberRegistrationsUseCase,
    { provide: MEMBER_ERASURE_FOLLOW_UP, useExisting: CancelErasedMemberRegistrationsUseCase },
    ChangeDelegationUseCase,
    RecordAttendanceUseCase,
    ApplyEventChangeUseCase,
    DeclareInterestUseCase,
    TellInterestHoldersUseCase,
    RegistrationsQueries,
  ],
})
export class RegistrationsModule {}
