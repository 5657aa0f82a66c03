import { auth } from './auth';
import { common } from './common';
import { directory } from './directory';
import { events } from './events';
import { home } from './home';
import { profile } from './profile';
import { registrations } from './registrations';

/** Every German text of the portal, one file per feature. */
export const texts = { common, home, auth, events, registrations, profile, directory } as const;
