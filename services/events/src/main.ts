// First: tracing patches http, express, Nest and mongodb before they are loaded.
import '@ic/platform/tracing';
import { bootstrapService } from '@ic/messaging';
import { EventsEnv } from './events.env';
import { EventsModule } from './events.module';

void bootstrapService(EventsModule, { name: 'events', env: EventsEnv, kafkaTransport: true });
