import { ANONYMOUS, CallerIdentity } from '@ic/contracts';

/** Who asks, as the gateway passes it on: someone of the office, a member, nobody signed in. */
export const staff: CallerIdentity = { subject: 'staff-1', roles: ['staff'] };
export const member: CallerIdentity = { subject: '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10', roles: ['member'] };
export const anonymous: CallerIdentity = ANONYMOUS;
