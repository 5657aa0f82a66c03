import { CallerIdentity } from '@ic/contracts';

/**
 * Who reads: the office sees drafts too; members and anonymous callers (the public calendar, the
 * website) see published events only, and a draft does not exist for them (404).
 */
export type Viewer = 'staff' | 'public';

export function viewerOf(identity: CallerIdentity): Viewer {
  return identity.roles.includes('staff') ? 'staff' : 'public';
}
