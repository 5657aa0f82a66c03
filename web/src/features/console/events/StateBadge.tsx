import { texts } from '../../../texts';
import type { EventStatus } from './consoleEventTypes';

const TONES: Readonly<Record<EventStatus, string>> = {
  draft: 'badge',
  announced: 'badge',
  'registration-open': 'badge badge-success',
  'registration-closed': 'badge',
  held: 'badge',
  cancelled: 'badge badge-danger',
};

/** Where an event stands, in the office's words. */
export function StateBadge({ status }: { readonly status: EventStatus }) {
  return <span className={TONES[status]}>{texts.console.events.states[status]}</span>;
}
