import { CallerIdentity, Role } from '@ic/contracts';
import { ForbiddenError, UnauthenticatedError } from '@ic/platform';

/**
 * Refuses a caller without `role`: one not signed in with 401 and `messages.signIn`, one signed in
 * in another role with 403 and `messages.forbidden`.
 */
export function assertRole(
  identity: CallerIdentity,
  role: Role,
  messages: { readonly signIn: string; readonly forbidden: string },
): void {
  if (identity.roles.length === 0) throw new UnauthenticatedError(messages.signIn);
  if (!identity.roles.includes(role)) throw new ForbiddenError(messages.forbidden);
}
