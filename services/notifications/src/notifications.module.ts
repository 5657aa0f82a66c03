import { DataServiceModule, OutboxRelay } from '@ic/messaging';
import { Clock } from '@ic/platform';
import { Module, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MongooseModule } from '@nestjs/mongoose';
import { AnnounceEventUseCase } from './club-events/announce-event/announce-event.usecase';
import { ClubEventsController } from './club-events/club-events.controller';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { DeliveriesRepository } from './deliveries/deliveries.repository';
import { DeliverMailUseCase } from './deliveries/deliver-mail/deliver-mail.usecase';
import { Delivery, DELIVERIES_COLLECTION, DeliverySchema } from './deliveries/delivery.schema';
import { ListDeliveriesUseCase } from './deliveries/list-deliveries/list-deliveries.usecase';
import { Mailer } from './mail/mailer';
import { MailSettings } from './mail/mail-settings';
import { SmtpMailer } from './mail/smtp-mailer';
import { MembershipEventsController } from './membership-events/membership-events.controller';
import { SendInvitationUseCase } from './membership-events/send-invitation/send-invitation.usecase';
import { SendSignInLinkUseCase } from './membership-events/send-sign-in-link/send-sign-in-link.usecase';
import { NotificationsEnv } from './notifications.env';
import { Contact, ContactSchema } from './replicas/contact.schema';
import { ContactsRepository } from './replicas/contacts.repository';

@Module({
  imports: [
    DataServiceModule.forService('notifications', NotificationsEnv),
    MongooseModule.forFeature([
      { name: Delivery.name, schema: DeliverySchema },
      { name: Contact.name, schema: ContactSchema },
    ]),
  ],
  controllers: [MembershipEventsController, ClubEventsController, DeliveriesController],
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
    DeliveriesRepository,
    DeliverMailUseCase,
    SendInvitationUseCase,
    SendSignInLinkUseCase,
    AnnounceEventUseCase,
    ListDeliveriesUseCase,
  ],
})
export class NotificationsModule implements OnModuleInit {
  constructor(private readonly relay: OutboxRelay) {}

  onModuleInit(): void {
    this.relay.register(DELIVERIES_COLLECTION);
  }
}
