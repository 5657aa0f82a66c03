import { CallerIdentity } from '@ic/contracts';
import type { Request } from 'express';

/** An HTTP request as the gateway sees it after the correlation middleware and the authentication guard. */
export interface GatewayRequest extends Request {
  correlationId?: string;
  /** Set by the AuthenticationGuard on every route: the caller, or ANONYMOUS on public routes. */
  identity?: CallerIdentity;
}
