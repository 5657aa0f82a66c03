import { RequestHandlingService, ServiceStatusReply, SystemStatusRequests } from '@ic/contracts';
import { HealthRegistry, ServiceRuntime } from '@ic/platform';
import { Controller, Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';

/** Answers the gateway's `<service>.system.status` request with this instance's health. */
export function systemStatusControllerFor(service: RequestHandlingService): Type<unknown> {
  @Controller()
  class SystemStatusController {
    constructor(
      private readonly runtime: ServiceRuntime,
      private readonly health: HealthRegistry,
    ) {}

    @MessagePattern(SystemStatusRequests[service].name)
    async status(): Promise<ServiceStatusReply> {
      const { ready, checks } = await this.health.run();
      return {
        service: this.runtime.name,
        version: this.runtime.version,
        instanceId: this.runtime.instanceId,
        status: ready ? 'ok' : 'degraded',
        uptimeSeconds: this.runtime.uptimeSeconds,
        dependencies: checks,
      };
    }
  }
  return SystemStatusController;
}
