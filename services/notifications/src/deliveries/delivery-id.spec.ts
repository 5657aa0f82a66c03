import { deliveryIdOf, messageIdOf } from './delivery-id';

describe(deliveryIdOf.name, () => {
  const eventId = '0c6f1e1a-8d3b-4b8e-9a6e-2f1d3c4b5a69';

  it('follows from the kind and the causing event alone', () => {
    expect(deliveryIdOf('invitation', eventId)).toBe(`invitation:${eventId}`);
    expect(deliveryIdOf('invitation', eventId)).toBe(deliveryIdOf('invitation', eventId));
    expect(deliveryIdOf('sign-in-link', eventId)).not.toBe(deliveryIdOf('invitation', eventId));
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
