// First: tracing patches http, express, Nest and mongodb before they are loaded.
import '@ic/platform/tracing';
import { bootstrapService } from '@ic/messaging/client';
import { GatewayEnv } from './gateway.env';
import { GatewayModule } from './gateway.module';
import { configureGatewayHttp } from './openapi';

void bootstrapService(GatewayModule, {
  name: 'gateway',
  env: GatewayEnv,
  kafkaTransport: false,
  configureHttp: (app) => configureGatewayHttp(app),
});
