import { DataServiceModule } from '@ic/messaging';
import { Module } from '@nestjs/common';
import { AnalyticsEnv } from './analytics.env';

@Module({
  imports: [DataServiceModule.forService('analytics', AnalyticsEnv)],
})
export class AnalyticsModule {}
