import { bootstrapService } from '@ic/messaging';
import { MembershipEnv } from './membership.env';
import { MembershipModule } from './membership.module';

void bootstrapService(MembershipModule, { name: 'membership', env: MembershipEnv, kafkaTransport: true });
