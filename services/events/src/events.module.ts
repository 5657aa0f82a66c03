import { DataServiceModule } from '@ic/messaging';
import { Module } from '@nestjs/common';
import { EventsEnv } from './events.env';

@Module({
  imports: [DataServiceModule.forService('events', EventsEnv)],
})
export class EventsModule {}
