import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEmail,
  IsIn,
  IsInt,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  validateSync,
} from 'class-validator';
import { FieldValidationException } from '../errors/to-problem';
import { createValidationPipe, flattenValidationErrors } from './validation';
import { germanValidationMessage } from './validation-messages';

class Place {
  @IsInt()
  @Min(1)
  population!: number;
}

class Lounge {
  @IsString()
  @MaxLength(200)
  title!: string;

  @Length(2, 80)
  hostCity!: string;

  @IsIn(['BY', 'NW'], { each: true })
  @ArrayMaxSize(2)
  federalStates!: string[];

  @IsInt()
  @Max(500)
  capacity!: number;

  @IsEmail({}, { message: 'email muss eine gültige E-Mail-Adresse sein' })
  contact!: string;

  @ValidateNested()
  @Type(() => Place)
  place!: Place;
}

function messages(values: Record<string, unknown>): Record<string, string[]> {
  const lounge = Object.assign(new Lounge(), values);
  const byField: Record<string, string[]> = {};
  for (const { field, message } of flattenValidationErrors(
    validateSync(lounge),
    '',
    germanValidationMessage,
  )) {
    (byField[field] ??= []).push(message);
  }
  return byField;
}

describe('German validation messages', () => {
  const valid = {
    title: 'Innovators Lounge Ulm',
    hostCity: 'Ulm',
    federalStates: ['BY'],
    capacity: 40,
    contact: 'office@innovators.example',
    place: Object.assign(new Place(), { population: 128_000 }),
  };

  it('says class-validator’s limits in German, without the API’s field name', () => {
    expect(
      messages({
        ...valid,
        title: 'x'.repeat(201),
        hostCity: 'U',
        federalStates: ['BY', 'XX', 'NW'],
        capacity: 501,
        place: Object.assign(new Place(), { population: 0 }),
      }),
    ).toEqual({
      title: ['Bitte höchstens 200 Zeichen.'],
      hostCity: ['Bitte mindestens 2 Zeichen.'],
      federalStates: [
        'Bitte höchstens 2 Einträge.',
        'Jeder Eintrag: Bitte wählen Sie einen der vorgesehenen Werte.',
      ],
      capacity: ['Der Wert darf höchstens 500 sein.'],
      'place.population': ['Der Wert muss mindestens 1 sein.'],
    });
  });

  it('keeps the messages a contract wrote itself', () => {
    expect(messages({ ...valid, contact: 'kein Postfach' })).toEqual({
      contact: ['email muss eine gültige E-Mail-Adresse sein'],
    });
  });

  it('words a type mismatch and an unexpected field', () => {
    expect(messages({ ...valid, title: 7 }).title).toContain('Bitte geben Sie einen Text ein.');
    expect(germanValidationMessage('whitelistValidation', 'property isStaff should not exist')).toBe(
      'Diese Angabe ist hier nicht vorgesehen.',
    );
    // A key a client made up can hold anything, spaces included.
    expect(
      germanValidationMessage('whitelistValidation', 'property Lorem ipsum dolor should not exist'),
    ).toBe('Diese Angabe ist hier nicht vorgesehen.');
    expect(germanValidationMessage('isUuid', 'eventId must be a UUID')).toBe(
      'Das ist keine gültige Kennung.',
    );
  });

  it('says something German for a rule it has no words for', () => {
    expect(germanValidationMessage('isMobilePhone', 'phone must be a phone number')).toBe(
      'Diese Angabe ist ungültig.',
    );
  });

  it('are what the validation pipe answers a request with', async () => {
    const refusal = await createValidationPipe()
      .transform({ ...valid, place: { population: 1 }, capacity: 900 }, { type: 'body', metatype: Lounge })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(FieldValidationException);
    expect((refusal as FieldValidationException).fieldErrors).toEqual([
      { field: 'capacity', message: 'Der Wert darf höchstens 500 sein.' },
    ]);
  });
});
