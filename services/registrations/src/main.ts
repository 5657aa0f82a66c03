// First: tracing patches http, express, Nest and mongodb before they are loaded.
import '@ic/platform/tracing';
import { bootstrapService } from '@ic/messaging';
import { RegistrationsEnv } from './registrations.env';
import { RegistrationsModule } from './registrations.module';

void bootstrapService(RegistrationsModule, {
  name: 'registrations',
  env: RegistrationsEnv,
  kafkaTransport: true,
});
