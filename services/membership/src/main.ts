// First: tracing patches http, express, Nest and mongodb before they are loaded.
import '@ic/platform/tracing';
import { bootstrapService } from '@ic/messaging';
import { MembershipEnv } from './membership.env';
import { MembershipModule } from './membership.module';

void bootstrapService(MembershipModule, { name: 'membership', env: MembershipEnv, kafkaTransport: true });
