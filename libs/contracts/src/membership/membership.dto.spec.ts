import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { UpdateOwnProfileRequest } from './membership.dto';

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
