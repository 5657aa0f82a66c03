import { TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import { fieldProblem, requestSchemaOf } from '../schema';
import { inviteMemberSchema } from './invitations.dto';
import {
  personRequestFields,
  UpdateOwnProfileRequest,
  UpdateProfileOfMemberRequest,
} from './member-profile.dto';

const ownProfile = TypeCompiler.Compile(requestSchemaOf(UpdateOwnProfileRequest) as TSchema);

/** The fields a member's change of their own profile is refused for. */
function fieldsRejected(body: unknown): string[] {
  const fields = [...ownProfile.Errors(body)].map((error) => error.path.split('/')[1]);
  return [...new Set(fields)].sort();
}

describe(UpdateOwnProfileRequest.name, () => {
  const clearable = ['academicTitle', 'officeTitle', 'phone', 'position'] as const;

  it('lets a member clear the optional fields with null', () => {
    expect(fieldsRejected(Object.fromEntries(clearable.map((field) => [field, null])))).toEqual([]);
    expect(fieldsRejected({ biography: '' })).toEqual([]);
  });

  it('takes no null where it would mean nothing', () => {
    expect(fieldsRejected({ biography: null, announcementsOptOut: null, themes: null })).toEqual([
      'announcementsOptOut',
      'biography',
      'themes',
    ]);
  });

  it('still checks a value that is given', () => {
    expect(fieldsRejected({ phone: 'call me', officeTitle: '', position: 'x'.repeat(121) })).toEqual([
      'officeTitle',
      'phone',
      'position',
    ]);
  });

  it('checks a phone number as sent and stores it trimmed', () => {
    expect(fieldsRejected({ phone: `+${'1'.repeat(40)}` })).toEqual(['phone']);
    expect(ownProfile.Decode({ phone: '+49 5264 644-0 ' })).toEqual({ phone: '+49 5264 644-0' });
  });

  it('takes a phone number only if the service, which checks it again, takes it trimmed too', () => {
    // The API fuzzer sent "6)(7 ": five characters as sent, four trimmed, which the service refused.
    expect(fieldsRejected({ phone: '6)(7 ' })).toEqual(['phone']);
    expect(fieldsRejected({ phone: '   1 ' })).toEqual(['phone']);
    const trimmed = ownProfile.Decode({ phone: ' (0) 6)(7 ' });
    expect(trimmed).toEqual({ phone: '(0) 6)(7' });
    expect(fieldsRejected(trimmed)).toEqual([]);
  });
});

describe(UpdateProfileOfMemberRequest.name, () => {
  const sut = TypeCompiler.Compile(requestSchemaOf(UpdateProfileOfMemberRequest) as TSchema);
  const memberId = '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10';

  it('is the member id beside the change, decoded as the change alone is', () => {
    expect(
      sut.Decode({ memberId, lastName: ' Mu\u0308ller ', salutationLine: null, municipality: undefined }),
    ).toEqual({ memberId, lastName: 'Müller', salutationLine: null });
    const refused = [...sut.Errors({ lastName: 'Müller', note: 'x' })].map((error) => error.path);
    expect(new Set(refused)).toEqual(new Set(['/memberId', '/note']));
  });
});

describe('the e-mail address of a request', () => {
  const field = personRequestFields.email;
  const emailOf = (email: string) => {
    const problem = fieldProblem(field, email);
    return problem
      ? { email, errors: ['problem' in problem ? `email ${problem.problem}` : problem.constraint] }
      : { email: Value.Decode(field, email), errors: [] };
  };

  it('keeps a domain with umlauts in its ASCII form (punycode), in small letters', () => {
    expect(emailOf(' Anna.Beispiel@Gemeinde-Lütjenburg.DE ')).toEqual({
      email: 'anna.beispiel@xn--gemeinde-ltjenburg-v6b.de',
      errors: [],
    });
  });

  it('refuses umlauts, other scripts and quotes before the @, saying what to do, in German', () => {
    for (const email of [
      'jörg@kalletal.example',
      'иван@kalletal.example',
      '"anna beispiel"@kalletal.example',
    ]) {
      expect({ input: email, ...emailOf(email) }).toEqual({
        input: email,
        email,
        errors: [expect.stringMatching(/^email darf vor dem @ nur .*Bitte/)],
      });
    }
  });

  it('refuses what is no address at all, and one longer than mail servers carry', () => {
    for (const email of [
      'anna',
      'anna@kiel',
      'anna@@kiel.example',
      'anna..b@kiel.example',
      'anna@kiel..example',
    ]) {
      expect({ email, errors: emailOf(email).errors }).toEqual({
        email,
        errors: [expect.stringMatching(/^email /)],
      });
    }
    const long = `${'a'.repeat(64)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(5)}.de`;
    expect(emailOf(long).errors).toEqual([expect.stringContaining('254')]);
  });

  it('is the same check wherever a request carries an address', () => {
    expect(inviteMemberSchema.properties.email).toBe(field);
  });
});
