import { ServiceEnv, IntSetting } from '@ic/platform';

export class EventsEnv extends ServiceEnv {
  override HTTP_PORT = 3002;

  /**
   * How often the scheduler looks for events whose registration opens or closes or that have
   * ended; a transition happens at most this long after its time.
   */
  @IntSetting(100, 60_000)
  EVENT_SCHEDULER_INTERVAL_MS = 1000;
}
