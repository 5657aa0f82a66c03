import { CloneType, ClosedObject, OneOf, serviceStatusReplySchema, Shape, Type } from '@ic/contracts';

const reply = serviceStatusReplySchema.properties;

/**
 * A service's status as the gateway answers it: what the service said of itself, and how long the
 * round trip took; of a service that did not answer, only why.
 */
export const serviceStatusSchema = ClosedObject({
  service: reply.service,
  status: CloneType(OneOf(['ok', 'degraded', 'unreachable']), { example: 'ok' }),
  version: Type.Optional(reply.version),
  instanceId: Type.Optional(reply.instanceId),
  uptimeSeconds: Type.Optional(reply.uptimeSeconds),
  latencyMs: Type.Number({ description: 'Round trip through Kafka, or time until giving up.', example: 7 }),
  dependencies: Type.Optional(reply.dependencies),
  error: Type.Optional(
    Type.String({ example: 'Der Dienst „events“ hat nicht innerhalb von 3 Sekunden geantwortet.' }),
  ),
});
export type ServiceStatus = Shape<typeof serviceStatusSchema>;

/** The platform's status: every service's, and ok only if each is. */
export const platformStatusSchema = ClosedObject({
  status: CloneType(OneOf(['ok', 'degraded']), { example: 'ok' }),
  checkedAt: Type.String({ example: '2026-11-21T10:00:00.000Z' }),
  services: Type.Array(serviceStatusSchema),
});
export type PlatformStatus = Shape<typeof platformStatusSchema>;
