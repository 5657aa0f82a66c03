import { DataServiceModule } from '@ic/messaging';
import { Module } from '@nestjs/common';
import { RegistrationsEnv } from './registrations.env';

@Module({
  imports: [DataServiceModule.forService('registrations', RegistrationsEnv)],
})
export class RegistrationsModule {}
