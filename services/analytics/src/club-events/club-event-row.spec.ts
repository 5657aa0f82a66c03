import { EventAnnouncedEvent, EventHeldEvent, RegistrationOpenedEvent } from '@ic/contracts';
import { clubEventChange } from '../testing/analytics-factories';
import { applyClubEvent } from './club-event-row';

describe(applyClubEvent.name, () => {
  it('keeps the event at its newest revision and skips revisions it has seen', () => {
    const announced = clubEventChange(EventAnnouncedEvent, 2, { status: 'announced' });
    const held = clubEventChange(EventHeldEvent, 5, { status: 'held', capacity: 60 });
    const row = [announced, held, announced].reduce(
      (current, event) => applyClubEvent(current, event),
      undefined as ReturnType<typeof applyClubEvent> | undefined,
    );
    expect(row).toMatchObject({ revision: 5, status: 'held', capacity: 60, kind: 'innovators-lounge' });
  });

  it('remembers when registration opened, from the first RegistrationOpened', () => {
    const opened = clubEventChange(
      RegistrationOpenedEvent,
      3,
      { status: 'registration-open' },
      '2027-01-20T08:00:00.000Z',
    );
    const later = clubEventChange(EventHeldEvent, 4, { status: 'held' }, '2027-04-16T00:00:00.000Z');
    const row = applyClubEvent(applyClubEvent(undefined, opened), later);
    expect(row.registrationOpenedAt).toEqual(new Date('2027-01-20T08:00:00.000Z'));
    expect(row.registrationOpensAt).toEqual(new Date('2027-02-01T08:00:00.000Z'));
  });

  it('keeps no speakers, venue or description', () => {
    const row = applyClubEvent(undefined, clubEventChange(EventAnnouncedEvent, 2));
    expect(Object.keys(row).sort()).toEqual(
      [
        '_id',
        'capacity',
        'endsAt',
        'kind',
        'registrationOpensAt',
        'revision',
        'startsAt',
        'status',
        'themes',
        'title',
      ].sort(),
    );
  });
});
