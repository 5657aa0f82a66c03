import { ServiceEnv } from '@ic/platform';
import type { ServiceName } from '@ic/contracts';
import { getMetadataStorage } from 'class-validator';
import { AnalyticsEnv } from '../../services/analytics/src/analytics.env';
import { EventsEnv } from '../../services/events/src/events.env';
import { GatewayEnv } from '../../services/gateway/src/gateway.env';
import { MembershipEnv } from '../../services/membership/src/membership.env';
import { NotificationsEnv } from '../../services/notifications/src/notifications.env';
import { RegistrationsEnv } from '../../services/registrations/src/registrations.env';

/** The config class each service validates its environment with at boot (docker-compose and Helm specs). */

export type EnvClass = new () => ServiceEnv;

export const envClasses: Record<ServiceName, EnvClass> = {
  gateway: GatewayEnv,
  membership: MembershipEnv,
  events: EventsEnv,
  registrations: RegistrationsEnv,
  notifications: NotificationsEnv,
  analytics: AnalyticsEnv,
};

/**
 * The variables a config class declares: every property class-validator has metadata for
 * (inherited ones included), plus those with a default value but no validator.
 */
export function declaredVariables(envClass: EnvClass): Set<string> {
  const validated = getMetadataStorage()
    .getTargetValidationMetadatas(envClass, '', true, false)
    .map((metadata) => metadata.propertyName);
  return new Set([...validated, ...Object.keys(new envClass())]);
}
