import { RequestHandlingService, RequestHandlingServices } from '../topics';
import { defineRequest, RequestPattern } from './request-pattern';

export interface DependencyStatus {
  readonly ok: boolean;
  readonly latencyMs: number;
  readonly detail?: string;
}

/** What a service says about itself when the gateway asks over Kafka. */
export interface ServiceStatusReply {
  readonly service: string;
  readonly version: string;
  readonly instanceId: string;
  readonly status: 'ok' | 'degraded';
  readonly uptimeSeconds: number;
  readonly dependencies: Readonly<Record<string, DependencyStatus>>;
}

export type ServiceStatusRequest = Record<string, never>;

export const SystemStatusRequests = Object.fromEntries(
  RequestHandlingServices.map((service) => [
    service,
    defineRequest<ServiceStatusRequest, ServiceStatusReply>(service, 'system.status'),
  ]),
) as Record<RequestHandlingService, RequestPattern<ServiceStatusRequest, ServiceStatusReply>>;
