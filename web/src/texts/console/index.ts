import { analytics } from './analytics';
import { checkIn } from './checkIn';
import { deliveries } from './deliveries';
import { eventForms } from './eventForms';
import { events } from './events';
import { invitations } from './invitations';
import { members } from './members';
import { operations } from './operations';
import { overview } from './overview';
import { participants } from './participants';
import { shell } from './shell';

/** Every German text of the office console, one file per section. */
export const consoleTexts = {
  shell,
  overview,
  invitations,
  members,
  events,
  eventForms,
  participants,
  checkIn,
  deliveries,
  analytics,
  operations,
} as const;
