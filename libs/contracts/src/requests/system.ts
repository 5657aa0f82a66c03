import { CloneType, ClosedObject, OneOf, Shape, Type } from '../schema';
import { RequestHandlingService, RequestHandlingServices } from '../topics';
import { defineRequest, RequestPattern } from './request-pattern';

/** One connection a service needs (its database, the broker), as its readiness check found it. */
export const dependencyStatusSchema = ClosedObject({
  ok: Type.Boolean({ example: true }),
  latencyMs: Type.Number({ example: 3 }),
  detail: Type.Optional(Type.String({ example: 'no answer within 2000 ms' })),
});
export type DependencyStatus = Shape<typeof dependencyStatusSchema>;

/** What a service says about itself when the gateway asks over Kafka. */
export const serviceStatusReplySchema = ClosedObject({
  service: Type.String({ example: 'membership' }),
  version: Type.String({ example: '0.1.0' }),
  instanceId: Type.String({ example: 'host-1234' }),
  status: CloneType(OneOf(['ok', 'degraded']), { example: 'ok' }),
  uptimeSeconds: Type.Number({ example: 120 }),
  dependencies: Type.Record(Type.String(), dependencyStatusSchema),
});
export type ServiceStatusReply = Shape<typeof serviceStatusReplySchema>;

export type ServiceStatusRequest = Record<string, never>;

export const SystemStatusRequests = Object.fromEntries(
  RequestHandlingServices.map((service) => [
    service,
    defineRequest<ServiceStatusRequest, ServiceStatusReply>(service, 'system.status'),
  ]),
) as Record<RequestHandlingService, RequestPattern<ServiceStatusRequest, ServiceStatusReply>>;
