import {
  announcementDeliveryIdOf,
  deliveryIdOf,
  interestDeliveryIdOf,
  messageIdOf,
  registrationDeliveryIdOf,
  registrationOpenedDeliveryIdOf,
} from './delivery-id';

describe(deliveryIdOf.name, () => {
  const eventId = '0c6f1e1a-8d3b-4b8e-9a6e-2f1d3c4b5a69';

  it('follows from the kind and the causing event alone', () => {
    expect(deliveryIdOf('invitation', eventId)).toBe(`invitation:${eventId}`);
    expect(deliveryIdOf('invitation', eventId)).toBe(deliveryIdOf('invitation', eventId));
    expect(deliveryIdOf('sign-in-link', eventId)).not.toBe(deliveryIdOf('invitation', eventId));
  });
});

describe(announcementDeliveryIdOf.name, () => {
  const clubEventId = '8d1c0f3e-4b7a-4c2e-9f51-3a6b2c1d0e97';
  const memberId = '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10';

  it('is one per club event and member, whichever EventAnnounced delivery asks', () => {
    expect(announcementDeliveryIdOf(clubEventId, memberId)).toBe(`announcement:${clubEventId}:${memberId}`);
    expect(announcementDeliveryIdOf(clubEventId, memberId)).not.toBe(
      announcementDeliveryIdOf(clubEventId, '6c1f8b63-4d2f-4e8f-8b62-1a7a2d3c9b21'),
    );
  });

  it('fits the delivery id of the MailSent contract (at most 120 characters)', () => {
    expect(announcementDeliveryIdOf(clubEventId, memberId).length).toBeLessThanOrEqual(120);
  });
});

describe(registrationDeliveryIdOf.name, () => {
  const registrationId = '0d6c3a9e-2f41-4b8a-9c77-5e1f2a3b4c5d';
  const personId = '3c2b1a0f-8e7d-4c6b-9a5f-4e3d2c1b0a9f';

  it('is one per registration, change and delegation person', () => {
    expect(registrationDeliveryIdOf('registration-confirmed', registrationId, 3)).toBe(
      `registration-confirmed:${registrationId}:3`,
    );
    expect(registrationDeliveryIdOf('registration-confirmed', registrationId, 3, personId)).toBe(
      `registration-confirmed:${registrationId}:3:${personId}`,
    );
    expect(registrationDeliveryIdOf('registration-confirmed', registrationId, 4)).not.toBe(
      registrationDeliveryIdOf('registration-confirmed', registrationId, 3),
    );
  });

  it('fits the delivery id of the MailSent contract (at most 120 characters) for the longest kind', () => {
    expect(
      registrationDeliveryIdOf('registration-waitlisted', registrationId, 999_999, personId).length,
    ).toBeLessThanOrEqual(120);
    expect(
      registrationDeliveryIdOf('event-reminder', registrationId, '2027-10-31', personId).length,
    ).toBeLessThanOrEqual(120);
    expect(interestDeliveryIdOf(registrationId)).toBe(`registration-opened:${registrationId}`);
  });
});

describe(registrationOpenedDeliveryIdOf.name, () => {
  const clubEventId = '8d1c0f3e-4b7a-4c2e-9f51-3a6b2c1d0e97';
  const memberId = '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10';

  it('is one per club event and member, apart from the mail to a municipality’s contact person', () => {
    expect(registrationOpenedDeliveryIdOf(clubEventId, memberId)).toBe(
      `registration-opened:${clubEventId}:${memberId}`,
    );
    expect(registrationOpenedDeliveryIdOf(clubEventId, memberId)).not.toBe(interestDeliveryIdOf(memberId));
    expect(registrationOpenedDeliveryIdOf(clubEventId, memberId).length).toBeLessThanOrEqual(120);
  });
});

describe(messageIdOf.name, () => {
  it('is the same for every attempt of a delivery and a valid Message-ID (no ":" on the left)', () => {
    const id = 'sign-in-link:0c6f1e1a-8d3b-4b8e-9a6e-2f1d3c4b5a69';

    expect(messageIdOf(id, 'dstgb.example')).toBe(
      '<sign-in-link.0c6f1e1a-8d3b-4b8e-9a6e-2f1d3c4b5a69@dstgb.example>',
    );
    expect(messageIdOf(id, 'dstgb.example')).toBe(messageIdOf(id, 'dstgb.example'));
    expect(messageIdOf(id, 'dstgb.example')).toMatch(/^<[A-Za-z0-9.-]+@[a-z.]+>$/);
  });
});
