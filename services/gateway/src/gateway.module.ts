import { ServiceCoreModule } from '@ic/platform';
import { Module } from '@nestjs/common';
import { SessionEventsConsumer } from './auth/session-events.consumer';
import { GatewayApiModule } from './gateway-api.module';
import { GatewayEnv } from './gateway.env';
import { RpcClientModule } from './messaging/rpc-client.module';
import { PlatformStatusService } from './status/platform-status.service';
import { StatusController } from './status/status.controller';

@Module({
  imports: [
    ServiceCoreModule.forService({ name: 'gateway', env: GatewayEnv, publicPort: true }),
    RpcClientModule,
    GatewayApiModule,
  ],
  controllers: [StatusController],
  providers: [PlatformStatusService, SessionEventsConsumer],
})
export class GatewayModule {}
