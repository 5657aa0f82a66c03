// First: tracing patches http, express, Nest and mongodb before they are loaded.
import '@ic/platform/tracing';
import { bootstrapService } from '@ic/messaging';
import { AnalyticsEnv } from './analytics.env';
import { AnalyticsModule } from './analytics.module';

void bootstrapService(AnalyticsModule, { name: 'analytics', env: AnalyticsEnv, kafkaTransport: true });
