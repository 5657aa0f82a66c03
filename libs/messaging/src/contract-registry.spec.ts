import { ClosedObject, defineEvent, inviteMemberSchema, OneOf, Timestamp, Type, Uuid } from '@ic/contracts';
import { Value } from '@sinclair/typebox/value';
import { ContractRegistry, ContractViolationError } from './contract-registry';

const memberJoined = defineEvent({
  type: 'de.dstgb.ic.test.MemberJoined.v1',
  topic: 'test.members',
  description: 'test',
  schema: ClosedObject({ memberId: Uuid(), federalState: OneOf(['BY', 'NW']) }),
  example: { memberId: '7f7c1c3e-2f59-4a6b-9a50-1c1d2a3b4c5d', federalState: 'BY' },
});

const meetingHeld = defineEvent({
  type: 'de.dstgb.ic.test.MeetingHeld.v1',
  topic: 'test.meetings',
  description: 'test',
  schema: ClosedObject({ at: Timestamp(), on: Type.String({ format: 'date' }) }),
  example: { at: '2028-02-29T10:00:00Z', on: '2028-02-29' },
});

const addressGiven = defineEvent({
  type: 'de.dstgb.ic.test.AddressGiven.v1',
  topic: 'test.addresses',
  description: 'test',
  schema: ClosedObject({ email: Type.String({ format: 'email', maxLength: 254 }) }),
  example: { email: 'anna.beispiel@kiel.example' },
});

/** MemberJoined's schema as a copy of its own, as a published contract's is. */
const memberRejoined = {
  ...memberJoined,
  type: 'de.dstgb.ic.test.MemberRejoined.v1',
  schema: JSON.parse(JSON.stringify(memberJoined.schema)) as typeof memberJoined.schema,
};

/** A keyword that relates MemberJoined's properties to one another. */
const memberMoved = {
  ...memberJoined,
  type: 'de.dstgb.ic.test.MemberMoved.v1',
  schema: { ...memberJoined.schema, if: { required: ['memberId'] }, then: { required: ['federalState'] } },
};

describe(ContractRegistry.name, () => {
  const sut = new ContractRegistry([memberJoined, meetingHeld, addressGiven, memberMoved, memberRejoined]);

  it('accepts data that matches the schema', () => {
    expect(() => sut.assertValid(memberJoined.type, memberJoined.example)).not.toThrow();
  });

  it('names every offending field of data that does not', () => {
    const check = () =>
      sut.assertValid(memberJoined.type, { memberId: 'not-a-uuid', federalState: 'XX', extra: 1 });
    expect(check).toThrow(ContractViolationError);
    expect(check).toThrow(/\/memberId must match format "uuid"/);
    expect(check).toThrow(/\/federalState must be equal to one of the allowed values/);
    expect(check).toThrow(/must NOT have additional properties/);
  });

  it('gives a timestamp the same verdict every time it comes (the formats keep their verdicts)', () => {
    const leapDay = { at: '2028-02-29T10:00:00Z', on: '2028-02-29' };
    const noSuchDay = { at: '2027-02-29T10:00:00Z', on: '2027-02-29' };
    for (let time = 0; time < 2; time++) {
      expect(() => sut.assertValid(meetingHeld.type, leapDay)).not.toThrow();
      expect(() => sut.assertValid(meetingHeld.type, noSuchDay)).toThrow(
        /\/at must match format "date-time"; \/on must match format "date"/,
      );
    }
  });

  it('checks an e-mail address as a request does: what the request stores, the event carries', () => {
    const addresses = [
      'anna.beispiel@kiel.example',
      'Anna.Beispiel@Kiel.Example',
      'anna@gemeinde-lütjenburg.de',
      'jörg.beispiel@kiel.example',
      'иван@kiel.example',
      '"anna beispiel"@kiel.example',
      'anna@kiel',
      'anna@-kiel.example',
    ];
    const requestField = inviteMemberSchema.properties.email;
    for (const email of addresses) {
      const accepted = Value.Check(requestField, email);
      const stored = accepted ? Value.Decode(requestField, email) : email;
      const carried = (() => {
        try {
          sut.assertValid(addressGiven.type, { email: stored });
          return true;
        } catch {
          return false;
        }
      })();
      expect({ email, stored: accepted ? stored : 'refused', carried }).toEqual({
        email,
        stored: accepted ? stored : 'refused',
        carried: accepted,
      });
    }
  });

  describe('checkApartFrom', () => {
    it('checks everything but the property, whose value it does not look at', () => {
      const check = sut.checkApartFrom(memberJoined.type, 'federalState');

      expect(check?.({ memberId: memberJoined.example.memberId, federalState: 'XX' })).toBe(true);
      expect(check?.({ memberId: 'not-a-uuid', federalState: 'BY' })).toBe(false);
      expect(check?.({ memberId: memberJoined.example.memberId, federalState: 'BY', extra: 1 })).toBe(false);
      expect(check?.({ memberId: memberJoined.example.memberId })).toBe(false);
    });

    it('has no check where a keyword relates the properties or the property is not one of them', () => {
      expect(sut.checkApartFrom(memberMoved.type, 'federalState')).toBeUndefined();
      expect(sut.checkApartFrom(memberJoined.type, 'municipality')).toBeUndefined();
    });
  });

  describe('propertySchemaText', () => {
    it('is the same for a property whose schema is a copy, and differs for another schema', () => {
      const text = sut.propertySchemaText(memberJoined.type, 'federalState');

      expect(text).toBe(sut.propertySchemaText(memberRejoined.type, 'federalState'));
      expect(text).not.toBe(sut.propertySchemaText(memberJoined.type, 'memberId'));
      expect(sut.propertySchemaText(memberJoined.type, 'municipality')).toBeUndefined();
    });
  });

  it('refuses an unknown event type', () => {
    expect(() => sut.assertValid('de.dstgb.ic.test.Unknown.v1', {})).toThrow(/unknown event type/);
  });

  it('refuses to define a type twice', () => {
    expect(() => new ContractRegistry([memberJoined, memberJoined])).toThrow(/defined twice/);
  });

  it('maps event types to the topics to subscribe to', () => {
    expect(sut.topicsOf([memberJoined.type, memberJoined.type])).toEqual(['test.members']);
  });
});
