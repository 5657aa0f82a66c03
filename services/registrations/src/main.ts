import { bootstrapService } from '@ic/messaging';
import { RegistrationsEnv } from './registrations.env';
import { RegistrationsModule } from './registrations.module';

void bootstrapService(RegistrationsModule, {
  name: 'registrations',
  env: RegistrationsEnv,
  kafkaTransport: true,
});
