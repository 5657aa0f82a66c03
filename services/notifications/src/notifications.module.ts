import { DataServiceModule, MEMBER_ERASURE_FOLLOW_UP, memberReplicaControllerFor } from '@ic/messaging';
import { Clock, ServiceRuntime } from '@ic/platform';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { AnnounceEventUseCase } from './club-events/announce-event/announce-event.usecase';
import { AnnounceRegistrationOpeningUseCase } from './club-events/announce-registration-opening/announce-registration-opening.usecase';
import { ClubEventsController } from './club-events/club-events.controller';
import { CountAudienceUseCase } from './club-events/count-audience/count-audience.usecase';
import { EventAudienceController } from './club-events/event-audience.controller';
import { RecordEventUseCase } from './club-events/record-event/record-event.usecase';
import { DeadLetterIndex } from './dead-letters/dead-letter-index';
import { DeadLetter, DeadLetterSchema } from './dead-letters/dead-letter.schema';
import { DeadLetterQueries } from './dead-letters/dead-letters.queries';
import { DeadLettersController } from './dead-letters/dead-letters.controller';
import { DeadLettersRepository } from './dead-letters/dead-letters.repository';
import { DiscardDeadLetterUseCase } from './dead-letters/discard-dead-letter/discard-dead-letter.usecase';
import { RedeliverDeadLetterUseCase } from './dead-letters/redeliver-dead-letter/redeliver-dead-letter.usecase';
import { RedeliverySweeper } from './dead-letters/redeliver-dead-letter/redelivery-sweeper';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { DeliveriesRepository } from './deliveries/deliveries.repository';
import { DeliverMailUseCase } from './deliveries/deliver-mail/deliver-mail.usecase';
import { Delivery, DeliverySchema } from './deliveries/delivery.schema';
import { ListDeliveriesUseCase } from './deliveries/list-deliveries/list-deliveries.usecase';
import { ResendDeliveryUseCase } from './deliveries/resend-delivery/resend-delivery.usecase';
import { SentNotRecorded } from './deliveries/sent-not-recorded';
import { ResendSweeper } from './deliveries/resend-delivery/resend-sweeper';
import { Mailer } from './mail/mailer';
import { MailSettings } from './mail/mail-settings';
import { SmtpMailer } from './mail/smtp-mailer';
import { ForgetErasedMember } from './membership-events/forget-erased-member';
import { MembershipEventsController } from './membership-events/membership-events.controller';
import { InvitationMailPreviewController } from './membership-events/preview-invitation-mail/invitation-mail-preview.controller';
import { PreviewInvitationMailUseCase } from './membership-events/preview-invitation-mail/preview-invitation-mail.usecase';
import { SendInvitationUseCase } from './membership-events/send-invitation/send-invitation.usecase';
import { SendSignInLinkUseCase } from './membership-events/send-sign-in-link/send-sign-in-link.usecase';
import { NotificationsEnv } from './notifications.env';
import { notificationsOrdering } from './notifications.ordering';
import { RegistrationEventsController } from './registrations/registration-events.controller';
import { RegistrationRecipients } from './registrations/registration-recipients';
import { SendRegistrationMailsUseCase } from './registrations/send-registration-mails/send-registration-mails.usecase';
import { TellEventChangeUseCase } from './registrations/tell-event-change/tell-event-change.usecase';
import { TellInterestHolderUseCase } from './registrations/tell-interest-holder/tell-interest-holder.usecase';
import { REMINDER_CLAIM_GROUP, ReminderClaims } from './reminders/reminder-claims';
import { ReminderScheduler } from './reminders/reminder-scheduler';
import { Reminder, ReminderSchema } from './reminders/reminder.schema';
import { RemindersRepository } from './reminders/reminders.repository';
import { SendReminderUseCase } from './reminders/send-reminder/send-reminder.usecase';
import { Contact, ContactSchema } from './replicas/contact.schema';
import { ContactsRepository } from './replicas/contacts.repository';
import { KnownEvent, KnownEventSchema } from './replicas/known-event.schema';
import { KnownEventsRepository } from './replicas/known-events.repository';
import { KnownInterest, KnownInterestSchema } from './replicas/known-interest.schema';
import { KnownInterestsRepository } from './replicas/known-interests.repository';
import { KnownRegistration, KnownRegistrationSchema } from './replicas/known-registration.schema';
import { KnownRegistrationsRepository } from './replicas/known-registrations.repository';

@Module({
  imports: [
    DataServiceModule.forService('notifications', NotificationsEnv, notificationsOrdering),
    MongooseModule.forFeature([
      { name: Delivery.name, schema: DeliverySchema },
      { name: Contact.name, schema: ContactSchema },
      { name: KnownEvent.name, schema: KnownEventSchema },
      { name: KnownRegistration.name, schema: KnownRegistrationSchema },
      { name: KnownInterest.name, schema: KnownInterestSchema },
      { name: Reminder.name, schema: ReminderSchema },
      { name: DeadLetter.name, schema: DeadLetterSchema },
    ]),
  ],
  controllers: [
    memberReplicaControllerFor(ContactsRepository),
    MembershipEventsController,
    ClubEventsController,
    RegistrationEventsController,
    DeliveriesController,
    EventAudienceController,
    InvitationMailPreviewController,
    DeadLettersController,
  ],
  providers: [
    Clock,
    {
      provide: MailSettings,
      inject: [ConfigService],
      useFactory: (config: ConfigService<NotificationsEnv, true>) =>
        MailSettings.fromEnv({
          MAIL_FROM: config.get('MAIL_FROM', { infer: true }),
          LINK_BASE_URL: config.get('LINK_BASE_URL', { infer: true }),
          LINK_TOKEN_SECRET: config.get('LINK_TOKEN_SECRET', { infer: true }),
        }),
    },
    SmtpMailer,
    { provide: Mailer, useExisting: SmtpMailer },
    ContactsRepository,
    ForgetErasedMember,
    { provide: MEMBER_ERASURE_FOLLOW_UP, useExisting: ForgetErasedMember },
    DeliveriesRepository,
    DeliverMailUseCase,
    SendInvitationUseCase,
    SendSignInLinkUseCase,
    PreviewInvitationMailUseCase,
    AnnounceEventUseCase,
    AnnounceRegistrationOpeningUseCase,
    ListDeliveriesUseCase,
    ResendDeliveryUseCase,
    SentNotRecorded,
    ResendSweeper,
    CountAudienceUseCase,
    KnownEventsRepository,
    KnownRegistrationsRepository,
    KnownInterestsRepository,
    RecordEventUseCase,
    RegistrationRecipients,
    SendRegistrationMailsUseCase,
    TellEventChangeUseCase,
    TellInterestHolderUseCase,
    RemindersRepository,
    {
      provide: ReminderClaims,
      inject: [getConnectionToken(), ServiceRuntime, ConfigService],
      useFactory: (
        connection: Connection,
        runtime: ServiceRuntime,
        config: ConfigService<NotificationsEnv, true>,
      ) => {
        if (!connection.db) throw new Error('The database connection is not open');
        // A reminder's fan-out is one handling like an event's: the same lease bounds both.
        return new ReminderClaims(
          connection.db,
          REMINDER_CLAIM_GROUP,
          runtime.instanceId,
          config.get('CONSUMER_CLAIM_LEASE_MS', { infer: true }),
        );
      },
    },
    SendReminderUseCase,
    ReminderScheduler,
    DeadLettersRepository,
    DeadLetterIndex,
    DeadLetterQueries,
    RedeliverDeadLetterUseCase,
    RedeliverySweeper,
    DiscardDeadLetterUseCase,
  ],
})
export class NotificationsModule {}
