import {
  DelegationChangedEvent,
  exampleDelegationRegistration,
  exampleMemberId,
  InterestDeclaredEvent,
  RegistrationCancelledEvent,
  RegistrationConfirmedEvent,
  RegistrationPromotedEvent,
  RegistrationWaitlistedEvent,
} from '@ic/contracts';
import { attendanceRecorded, cloudEvent, registrationChange } from '../testing/analytics-factories';
import { applyRegistrationEvent, EventRegistrationsDocument } from './event-registrations';

const pseudonyms = new Map([[exampleMemberId, 'pseudonym-of-the-example-member']]);
const keyOf = (memberId: string) => pseudonyms.get(memberId) ?? 'another-pseudonym';

function fold(events: Parameters<typeof applyRegistrationEvent>[1][]): EventRegistrationsDocument {
  return events.reduce<EventRegistrationsDocument | undefined>(
    (document, event) => applyRegistrationEvent(document, event, keyOf),
    undefined,
  ) as EventRegistrationsDocument;
}

describe(applyRegistrationEvent.name, () => {
  const waitlisted = registrationChange(RegistrationWaitlistedEvent, {
    revision: 1,
    status: 'waiting',
    waitingPlace: 1,
  });
  const promoted = registrationChange(RegistrationPromotedEvent, { revision: 2, status: 'confirmed' });
  const cancelled = registrationChange(RegistrationCancelledEvent, { revision: 3, status: 'cancelled' });

  it('keeps the latest state of a registration and what happened on the way', () => {
    const [entry] = fold([waitlisted, promoted, cancelled]).registrations;
    expect(entry).toMatchObject({ revision: 3, status: 'cancelled', waitlisted: true, promoted: true });
  });

  it('counts a redelivered or twice published change once', () => {
    const once = fold([waitlisted, promoted]);
    expect(
      fold([waitlisted, promoted, waitlisted, promoted, { ...promoted, id: 'published-again' }]),
    ).toEqual(once);
  });

  it('does not let an older change overwrite a newer one', () => {
    const [entry] = fold([waitlisted, promoted, cancelled, promoted]).registrations;
    expect(entry.status).toBe('cancelled');
  });

  it('links a member by pseudonym, never by member id, and keeps the registration’s own attributes', () => {
    const [entry] = fold([registrationChange(RegistrationConfirmedEvent, { revision: 1 })]).registrations;
    expect(entry).toMatchObject({
      registrantKind: 'member',
      memberKey: 'pseudonym-of-the-example-member',
      federalState: 'NW',
      sector: 'Kommune',
      sizeClass: '5001-20000',
    });
    expect(JSON.stringify(entry)).not.toContain(exampleMemberId);
  });

  it('keeps the pseudonym a registration got first, so a change after the member’s erasure asks for none', () => {
    const confirmed = fold([waitlisted, promoted]);
    const noLinkAnyMore = () => {
      throw new Error('the erased member has no link any more');
    };

    const [entry] = applyRegistrationEvent(confirmed, cancelled, noLinkAnyMore).registrations;

    expect(entry).toMatchObject({ status: 'cancelled', memberKey: 'pseudonym-of-the-example-member' });
  });

  it('counts a delegation’s people and those of them who came, as sector Kommune without a member link', () => {
    const delegation = registrationChange(DelegationChangedEvent, exampleDelegationRegistration);
    const attended = attendanceRecorded({
      ...exampleDelegationRegistration,
      revision: 3,
      delegation: exampleDelegationRegistration.delegation?.map((person, index) => ({
        ...person,
        attended: index === 0,
      })),
    });
    const [entry] = fold([delegation, attended]).registrations;
    expect(entry).toMatchObject({ people: 2, attendedPeople: 1, sector: 'Kommune', sizeClass: '5001-20000' });
    expect(entry.memberKey).toBeUndefined();
  });

  it('remembers the event’s capacity from the seat counts and the first registration time', () => {
    const first = registrationChange(
      RegistrationConfirmedEvent,
      { revision: 1 },
      { capacity: 40, confirmed: 1, waiting: 0 },
    );
    const later = registrationChange(
      RegistrationConfirmedEvent,
      { revision: 2, registeredAt: '2027-03-01T10:00:00.000Z' },
      { capacity: 45, confirmed: 1, waiting: 0 },
    );
    const document = fold([first, later]);
    expect(document.capacity).toBe(45);
    expect(document.registrations[0].registeredAt).toEqual(new Date('2027-02-03T08:15:00.000Z'));
  });

  it('leaves the registrations as they are for events that change none', () => {
    const document = fold([registrationChange(RegistrationConfirmedEvent, { revision: 1 })]);
    const interest = cloudEvent(InterestDeclaredEvent, InterestDeclaredEvent.example);
    expect(applyRegistrationEvent(document, interest as never, keyOf)).toBe(document);
  });
});
