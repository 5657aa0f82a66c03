// First: tracing patches http, express, Nest and mongodb before they are loaded.
import '@ic/platform/tracing';
import { bootstrapService } from '@ic/messaging';
import { NotificationsEnv } from './notifications.env';
import { NotificationsModule } from './notifications.module';

void bootstrapService(NotificationsModule, {
  name: 'notifications',
  env: NotificationsEnv,
  kafkaTransport: true,
});
