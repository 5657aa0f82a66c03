import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Value } from '@sinclair/typebox/value';
import { inviteMemberSchema } from './invitations.dto';
import { UpdateMemberRequest, UpdateOwnProfileRequest } from './member-profile.dto';

/** Where @nestjs/swagger keeps a property's @ApiProperty options (its DECORATORS.API_MODEL_PROPERTIES). */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

function fieldsRejected(body: object): string[] {
  const request = plainToInstance(UpdateOwnProfileRequest, body);
  return validateSync(request, { whitelist: true, forbidNonWhitelisted: true }).map(
    (error) => error.property,
  );
}

describe(UpdateOwnProfileRequest.name, () => {
  const clearable = ['academicTitle', 'officeTitle', 'phone', 'position'] as const;

  it('lets a member clear the optional fields with null', () => {
    expect(fieldsRejected(Object.fromEntries(clearable.map((field) => [field, null])))).toEqual([]);
    expect(fieldsRejected({ biography: '' })).toEqual([]);
  });

  it('documents null as a value of those fields, so that a typed client may send it', () => {
    for (const field of clearable) {
      const property = Reflect.getMetadata(
        API_MODEL_PROPERTIES,
        UpdateOwnProfileRequest.prototype,
        field,
      ) as { nullable?: boolean; type?: unknown; enum?: unknown };
      expect({ field, nullable: property.nullable }).toEqual({ field, nullable: true });
      // `string | null` reflects as Object: without an explicit type the document would say "object".
      expect({ field, typed: property.type === String || Array.isArray(property.enum) }).toEqual({
        field,
        typed: true,
      });
    }
  });

  it('still checks a value that is given', () => {
    expect(fieldsRejected({ phone: 'call me', officeTitle: '', position: 'x'.repeat(121) })).toEqual([
      'officeTitle',
      'phone',
      'position',
    ]);
  });
});

describe('the e-mail address of a request', () => {
  const emailOf = (body: object) => {
    const request = plainToInstance(UpdateMemberRequest, body);
    const errors = validateSync(request).flatMap((error) => Object.values(error.constraints ?? {}));
    return { email: request.email, errors };
  };

  it('keeps a domain with umlauts in its ASCII form (punycode), in small letters', () => {
    expect(emailOf({ email: ' Anna.Beispiel@Gemeinde-Lütjenburg.DE ' })).toEqual({
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
      expect({ input: email, ...emailOf({ email }) }).toEqual({
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
      expect({ email, errors: emailOf({ email }).errors }).toEqual({
        email,
        errors: [expect.stringMatching(/^email /)],
      });
    }
    const long = `${'a'.repeat(64)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(5)}.de`;
    expect(emailOf({ email: long }).errors).toEqual([expect.stringContaining('254')]);
  });

  it('is the same check wherever a request carries an address', () => {
    const invitation = Value.Decode(inviteMemberSchema.properties.email, 'Jonas@Gemeinde-Lütjenburg.de');
    expect(invitation).toBe('jonas@xn--gemeinde-ltjenburg-v6b.de');
  });
});
