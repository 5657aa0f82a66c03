import { DataServiceModule } from '@ic/messaging';
import { Module } from '@nestjs/common';
import { MembershipEnv } from './membership.env';

@Module({
  imports: [DataServiceModule.forService('membership', MembershipEnv)],
})
export class MembershipModule {}
