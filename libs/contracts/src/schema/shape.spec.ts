import { ClosedObject, Count, Nullable, pickShape, Text, Type } from './shape';

describe('Nullable', () => {
  it('takes the value or null', () => {
    expect(Nullable(Type.String())).toMatchObject({ anyOf: [{ type: 'string' }, { type: 'null' }] });
  });
});

describe(pickShape.name, () => {
  const venue = ClosedObject({ city: Text(80) });
  const sut = (value: unknown) =>
    pickShape(
      ClosedObject({
        id: Text(10),
        venue: Type.Optional(venue),
        previous: Nullable(venue),
        stops: Type.Array(venue),
      }),
      value as never,
    );

  it('keeps only the properties the schema names, all the way down', () => {
    const picked = sut({
      id: 'a',
      secret: 'x',
      venue: { city: 'Ulm', street: 'y' },
      previous: { city: 'Kalletal', note: 'z' },
      stops: [{ city: 'Bonn', token: 't' }],
    });

    expect(picked).toStrictEqual({
      id: 'a',
      venue: { city: 'Ulm' },
      previous: { city: 'Kalletal' },
      stops: [{ city: 'Bonn' }],
    });
  });

  it('leaves out what is missing and keeps null', () => {
    expect(sut({ id: 'a', previous: null, stops: [] })).toStrictEqual({ id: 'a', previous: null, stops: [] });
  });

  it('keeps every entry of a record, each picked', () => {
    const picked = pickShape(Type.Record(Type.String(), ClosedObject({ city: Text(80) })), {
      home: { city: 'Ulm', street: 'y' },
    } as never);

    expect(picked).toStrictEqual({ home: { city: 'Ulm' } });
  });

  it('refuses a schema it cannot follow rather than pass the value on', () => {
    const either = Type.Union([ClosedObject({ a: Text(1) }), ClosedObject({ b: Text(1) })]);

    expect(() => pickShape(either, { a: 'x' })).toThrow(/cannot follow/);
  });
});

describe('Count', () => {
  it('is a whole number with its example, and its words only where there are some', () => {
    expect(JSON.parse(JSON.stringify(Count(3)))).toEqual({ type: 'integer', example: 3 });
    expect(Count(3, 'Plätze')).toMatchObject({ type: 'integer', example: 3, description: 'Plätze' });
  });
});
