import {
  ANONYMOUS,
  pickShape,
  RequestHandlingService,
  RequestHandlingServices,
  SystemStatusRequests,
} from '@ic/contracts';
import { RpcClient } from '@ic/messaging/client';
import { HealthRegistry, ServiceRuntime } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { PlatformStatus, ServiceStatus, serviceStatusSchema } from './status.shapes';

const STATUS_TIMEOUT_MS = 3000;

/** Asks every service over Kafka how it is, in parallel, and adds the gateway's own health. */
@Injectable()
export class PlatformStatusService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly runtime: ServiceRuntime,
    private readonly health: HealthRegistry,
  ) {}

  async check(correlationId: string): Promise<PlatformStatus> {
    const services = await Promise.all([
      this.gatewayStatus(),
      ...RequestHandlingServices.map((service) => this.serviceStatus(service, correlationId)),
    ]);
    return {
      status: services.every((service) => service.status === 'ok') ? 'ok' : 'degraded',
      checkedAt: new Date().toISOString(),
      services,
    };
  }

  private async gatewayStatus(): Promise<ServiceStatus> {
    const started = performance.now();
    const { ready, checks } = await this.health.run();
    return {
      service: this.runtime.name,
      status: ready ? 'ok' : 'degraded',
      version: this.runtime.version,
      instanceId: this.runtime.instanceId,
      uptimeSeconds: this.runtime.uptimeSeconds,
      latencyMs: Math.round(performance.now() - started),
      dependencies: checks,
    };
  }

  /** One service's status: a single request/reply round trip through Kafka. */
  async serviceStatus(service: RequestHandlingService, correlationId: string): Promise<ServiceStatus> {
    const started = performance.now();
    try {
      const reply = await this.rpc.send(
        SystemStatusRequests[service],
        {},
        {
          identity: ANONYMOUS,
          correlationId,
          timeoutMs: STATUS_TIMEOUT_MS,
        },
      );
      const latencyMs = Math.round(performance.now() - started);
      return pickShape(serviceStatusSchema, { ...reply, service, latencyMs });
    } catch (error) {
      return {
        service,
        status: 'unreachable',
        latencyMs: Math.round(performance.now() - started),
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }
}
