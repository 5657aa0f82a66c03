import {
  DataServiceModule,
  MEMBER_ERASURE_FOLLOW_UP,
  memberReplicaControllerFor,
  REVISION_SLOT_MODEL,
  RevisionSlotSchema,
  RevisionsRepository,
} from '@ic/messaging';
import { Clock, SecretBox } from '@ic/platform';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MongooseModule } from '@nestjs/mongoose';
import { DEMO_MARKER_MODEL, DemoMarkerSchema } from './demo/demo-marker.schema';
import { DemoMarkersRepository } from './demo/demo-markers.repository';
import { DemoRegistrationsLoader } from './demo/demo-registrations.loader';
import { DeclareInterestUseCase } from './interest/declare-interest/declare-interest.usecase';
import { InterestChanges } from './interest/interest-changes';
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
import { RegistrationLocator } from './registrations/registration-locator';
import {
  REGISTRATION_LOOKUP_MODEL,
  RegistrationLookupSchema,
} from './registrations/registration-lookup.schema';
import { RegistrationLookupRepository } from './registrations/registration-lookup.repository';
import { RegistrationReplies } from './registrations/registration-replies';
import { RegistrationsController } from './registrations/registrations.controller';
import { RegistrationsQueries } from './registrations/registrations.queries';
import { RegistrationsEnv } from './registrations.env';
import { RegistrationsSeeder } from './registrations.seeder';
import { ClubEventsController } from './replicas/club-events.controller';
import { KNOWN_EVENT_MODEL, KnownEventSchema } from './replicas/known-event.schema';
import { KnownEventsRepository } from './replicas/known-events.repository';
import { KNOWN_MEMBER_MODEL, KnownMemberSchema } from './replicas/known-member.schema';
import { KnownMembersRepository } from './replicas/known-members.repository';
import { SEAT_BOOK_MODEL, SeatBookSchema } from './seats/seat-book.schema';
import { SeatBooksRepository } from './seats/seat-books.repository';
import { SeatDesk } from './seats/seat-desk';
import { ContactSealer } from './shared/contact-sealer';

@Module({
  imports: [
    DataServiceModule.forService('registrations', RegistrationsEnv),
    MongooseModule.forFeature([
      { name: SEAT_BOOK_MODEL, schema: SeatBookSchema },
      { name: REGISTRATION_LOOKUP_MODEL, schema: RegistrationLookupSchema },
      { name: INTEREST_MODEL, schema: InterestSchema },
      { name: KNOWN_MEMBER_MODEL, schema: KnownMemberSchema },
      { name: KNOWN_EVENT_MODEL, schema: KnownEventSchema },
      { name: REVISION_SLOT_MODEL, schema: RevisionSlotSchema },
      { name: DEMO_MARKER_MODEL, schema: DemoMarkerSchema },
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
    RevisionsRepository,
    SeatBooksRepository,
    RegistrationLookupRepository,
    InterestsRepository,
    KnownMembersRepository,
    KnownEventsRepository,
    ContactSealer,
    RegistrationChanges,
    InterestChanges,
    SeatDesk,
    RegistrationLocator,
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
    DemoMarkersRepository,
    DemoRegistrationsLoader,
    RegistrationsSeeder,
  ],
})
export class RegistrationsModule {}
