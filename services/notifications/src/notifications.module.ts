import { DataServiceModule } from '@ic/messaging';
import { Module } from '@nestjs/common';
import { NotificationsEnv } from './notifications.env';

@Module({
  imports: [DataServiceModule.forService('notifications', NotificationsEnv)],
})
export class NotificationsModule {}
