import { TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { requestSchemaOf } from '../schema';
import {
  ChangeDelegationOfRegistrationRequest,
  DeclareInterestInEventRequest,
  RegisterForEventRequest,
  RegisterRequest,
} from './registrations.dto';

const compiled = (type: unknown) => TypeCompiler.Compile(requestSchemaOf(type) as TSchema);

/** The fields a request is refused for. */
function fieldsRejected(type: unknown, body: object): string[] {
  const fields = [...compiled(type).Errors(body)].map((error) => error.path.slice(1).replaceAll('/', '.'));
  return [...new Set(fields)].sort();
}

const contact = { firstName: 'Anna', lastName: 'Beispiel', email: 'anna@pegnitz.example' };
const person = { ...contact, role: 'mayor' };
const eventId = '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10';

describe(RegisterRequest.name, () => {
  it('takes a delegation of people, a guest and workshops, and decodes their texts', () => {
    const body = { delegation: [{ ...person, firstName: ' Anna ' }], sessionIds: [eventId] };

    expect(compiled(RegisterRequest).Decode(body)).toEqual({ delegation: [person], sessionIds: [eventId] });
    expect(fieldsRejected(RegisterRequest, { guest: { ...contact, organisation: 'Hochschule' } })).toEqual(
      [],
    );
  });

  it('refuses what class-validator refused: an empty delegation, a workshop twice, an unknown role', () => {
    expect(fieldsRejected(RegisterRequest, { delegation: [] })).toEqual(['delegation']);
    expect(fieldsRejected(RegisterRequest, { sessionIds: [eventId, eventId] })).toEqual(['sessionIds']);
    expect(fieldsRejected(RegisterRequest, { delegation: [{ ...person, role: 'king', x: 1 }] })).toEqual([
      'delegation.0.role',
      'delegation.0.x',
    ]);
    expect(fieldsRejected(RegisterRequest, { guest: { ...person } })).toEqual(['guest.role']);
  });
});

describe('the registrations service payloads', () => {
  it("take the event's or the registration's id next to the body, and nothing else", () => {
    expect(fieldsRejected(RegisterForEventRequest, { eventId, memberId: eventId })).toEqual([]);
    expect(fieldsRejected(RegisterForEventRequest, {})).toEqual(['eventId']);
    expect(fieldsRejected(DeclareInterestInEventRequest, { eventId, people: [] })).toEqual(['people']);
    expect(
      fieldsRejected(ChangeDelegationOfRegistrationRequest, { registrationId: eventId, people: [person] }),
    ).toEqual([]);
    expect(fieldsRejected(ChangeDelegationOfRegistrationRequest, { registrationId: eventId })).toEqual([
      'people',
    ]);
  });
});
