/** `operations`: a staff account that also runs the platform (dead letters); see STAFF_OPERATIONS. */
export const Roles = ['staff', 'member', 'operations'] as const;
export type Role = (typeof Roles)[number];

/**
 * The role someone acts in, as events and sessions name it. `operations` is never one of its own (it
 * comes on top of `staff`), so the published event schemas keep the two.
 */
export const ActorRoles = ['staff', 'member'] as const satisfies readonly Role[];
export type ActorRole = (typeof ActorRoles)[number];

/**
 * Who asked, as established by the gateway from the bearer token and carried with every request.
 * Services trust it because only the gateway writes to request topics.
 */
export interface CallerIdentity {
  /** Staff account id or member id; `anonymous` for public endpoints. */
  readonly subject: string;
  readonly roles: readonly Role[];
  /** The sign-in session the access token belongs to, for logout. */
  readonly sessionId?: string;
}

export const ANONYMOUS: CallerIdentity = { subject: 'anonymous', roles: [] };

/** Access tokens: issued by the membership service, accepted by the gateway (JWT `iss` and `aud`). */
export const ACCESS_TOKEN_ISSUER = 'ic-membership';
export const ACCESS_TOKEN_AUDIENCE = 'ic-platform';
