import { Role } from '@ic/contracts';
import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiExtension } from '@nestjs/swagger';
import { ApiProblems } from '../http/api-docs';

export const IS_PUBLIC = 'ic:public';
/** The OpenAPI security scheme of the browser's session cookie, beside `bearer`. */
export const COOKIE_SECURITY = 'cookie';
export const REQUIRED_ROLES = 'ic:roles';

/** Open to anyone without a token; the services see the caller as ANONYMOUS. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** The IS_PUBLIC value of @PublicOrSignedIn(). */
export const IDENTIFY_IF_SIGNED_IN = 'identify-if-signed-in';

/**
 * Open to anyone, like @Public(), but a caller who brings an access token or the session cookie is
 * identified by it as on any other route (and refused, 401, when it does not hold): the services
 * then show the office more than a visitor. OpenAPI lists the route as public.
 */
export const PublicOrSignedIn = (): MethodDecorator & ClassDecorator =>
  SetMetadata(IS_PUBLIC, IDENTIFY_IF_SIGNED_IN);

/** The OpenAPI extension that names the roles an operation takes, for clients (and the API fuzz test). */
export const ROLES_EXTENSION = 'x-roles';

/**
 * Needs a valid access token, or the browser's session cookie, whose role is one of these. Every
 * route of the gateway is protected unless it says @Public(); a route without @Roles takes any
 * signed-in caller. OpenAPI lists the token and the cookie as alternatives, and the roles.
 */
export function Roles(...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(REQUIRED_ROLES, roles),
    ApiExtension(ROLES_EXTENSION, roles),
    ApiBearerAuth(),
    ApiCookieAuth(COOKIE_SECURITY),
    ApiProblems(401, 403),
  );
}
