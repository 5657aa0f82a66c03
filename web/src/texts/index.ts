import { auth } from './auth';
import { common } from './common';
import { consoleTexts } from './console';
import { directory } from './directory';
import { events } from './events';
import { home } from './home';
import { profile } from './profile';
import { registrations } from './registrations';

/** Every German text of the portal and the office console, one file per feature. */
export const texts = {
  common,
  home,
  auth,
  events,
  registrations,
  profile,
  directory,
  console: consoleTexts,
} as const;
