import { bootstrapService } from '@ic/messaging';
import { NotificationsEnv } from './notifications.env';
import { NotificationsModule } from './notifications.module';

void bootstrapService(NotificationsModule, {
  name: 'notifications',
  env: NotificationsEnv,
  kafkaTransport: true,
});
