import { AnnouncementPreferenceChangedEvent } from '@ic/contracts';
import type { StoredMessage } from '@ic/infra';
import { readCalendar } from '../../../libs/platform/src/calendar/testing/read-calendar';
import { eventually } from '../../support/eventually';
import { NotificationsHarness, StoredDelivery } from './notifications-harness';

/**
 * What the registration mail tests share: the notifications service on its harness, seven members
 * (one opted out of announcements) known to it before the tests run, and the mails read back by address.
 * Call it inside the file's describe.
 */
export function registrationMailsTestBed() {
  const harness = new NotificationsHarness();
  const domain = `${harness.suffix}.anmeldung.example`;
  const deliveries = () => harness.db.collection<StoredDelivery>('deliveries');

  const member = (name: string, officeTitle?: string) =>
    harness.activated({
      email: `${name}@${domain}`,
      salutation: 'Herr',
      lastName: `${name[0].toUpperCase()}${name.slice(1)}`,
      ...(officeTitle ? { officeTitle } : {}),
    });
  const ahrens = member('ahrens', 'Bürgermeister');
  const brandt = member('brandt');
  const conrad = member('conrad');
  const dietz = member('dietz');
  const eckert = member('eckert');
  const optedOut = member('fuchs');
  const mayor = member('gerber', 'Bürgermeister');

  /**
   * Exactly `count` mails to the address, in the order they arrived (the sink lists the newest
   * first; one event's registration events are handled in order, so they arrive in order).
   */
  const mails = async (address: string, count: number) =>
    (await harness.waitForMail(address, count, 30_000)).reverse();
  const calendarOf = (mail: StoredMessage, index = 0) =>
    readCalendar(Buffer.from(mail.attachments[index].content, 'base64').toString('utf8'));

  beforeAll(async () => {
    await harness.connect();
    await harness.startService();
    const everyone = [ahrens, brandt, conrad, dietz, eckert, optedOut, mayor];
    await harness.publish(
      ...everyone.map(({ event }) => event),
      harness.event(AnnouncementPreferenceChangedEvent, optedOut.memberId, {
        memberId: optedOut.memberId,
        announcementsOptOut: true,
        via: 'unsubscribe-link',
      }),
    );
    await eventually(async () => {
      const contacts = harness.db.collection('contacts');
      expect(await contacts.countDocuments({ status: 'active' })).toBe(everyone.length);
      expect(await contacts.countDocuments({ announcementsOptOut: true })).toBe(1);
    }, 30_000);
  });

  afterAll(() => harness.stop());

  return {
    harness,
    domain,
    deliveries,
    ahrens,
    brandt,
    conrad,
    dietz,
    eckert,
    optedOut,
    mayor,
    mails,
    calendarOf,
  };
}
