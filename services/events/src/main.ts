import { bootstrapService } from '@ic/messaging';
import { EventsEnv } from './events.env';
import { EventsModule } from './events.module';

void bootstrapService(EventsModule, { name: 'events', env: EventsEnv, kafkaTransport: true });
