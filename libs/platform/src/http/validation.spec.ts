import { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { FieldValidationException } from '../errors/to-problem';
import { createValidationPipe } from './validation';

class Municipality {
  @ApiProperty()
  @Matches(/^\d{8}$/, { message: 'ags must be the 8-digit official municipality key' })
  ags!: string;
}

class InvitePerson {
  @IsString()
  @MaxLength(100)
  name!: string;

  @IsEmail()
  email!: string;

  @ApiProperty({ type: () => Municipality })
  @ValidateNested()
  @Type(() => Municipality)
  municipality!: Municipality;

  @ApiPropertyOptional({ description: 'Not to be cleared' })
  @IsOptional()
  @IsString()
  position?: string;

  @ApiPropertyOptional({ nullable: true, description: 'null clears it' })
  @IsOptional()
  @IsString()
  phone?: string | null;
}

const metadata: ArgumentMetadata = { type: 'body', metatype: InvitePerson };

async function fieldsRejected(body: unknown): Promise<string[]> {
  try {
    await createValidationPipe().transform(body, metadata);
  } catch (error) {
    if (error instanceof FieldValidationException) return error.fieldErrors.map((e) => e.field);
    throw error;
  }
  return [];
}

describe(createValidationPipe.name, () => {
  const valid = { name: 'Anna Beispiel', email: 'anna@kalletal.de', municipality: { ags: '05766040' } };

  it('accepts a valid body', async () => {
    expect(await fieldsRejected(valid)).toEqual([]);
  });

  it('refuses unknown fields, naming them', async () => {
    expect(await fieldsRejected({ ...valid, isStaff: true })).toEqual(['isStaff']);
  });

  it('refuses an operator object where a string belongs (NoSQL injection)', async () => {
    expect(await fieldsRejected({ ...valid, email: { $gt: '' } })).toEqual(['email']);
  });

  it('names nested fields with their path', async () => {
    expect(await fieldsRejected({ ...valid, municipality: { ags: '123' } })).toEqual(['municipality.ags']);
  });

  it('refuses oversized strings', async () => {
    expect(await fieldsRejected({ ...valid, name: 'x'.repeat(101) })).toEqual(['name']);
  });

  it('refuses __proto__, constructor and prototype keys by name instead of dropping them', async () => {
    // As JSON.parse makes them: own keys, not the object's prototype.
    const body = JSON.parse(
      '{"name":"Anna Beispiel","email":"anna@kalletal.de","__proto__":{"isStaff":true},' +
        '"municipality":{"ags":"05766040","constructor":{"prototype":1}}}',
    ) as unknown;
    expect(await fieldsRejected(body)).toEqual(['__proto__', 'municipality.constructor']);
  });

  it('refuses null where the request class does not document it as nullable, also in nested objects', async () => {
    expect(await fieldsRejected({ ...valid, phone: null })).toEqual([]);
    expect(await fieldsRejected({ ...valid, municipality: { ags: null }, position: null })).toEqual([
      'municipality.ags',
      'position',
    ]);
  });
});
