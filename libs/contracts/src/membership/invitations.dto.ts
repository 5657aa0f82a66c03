import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  AcademicTitle,
  AcademicTitles,
  FederalState,
  FederalStateCodes,
  Salutation,
  Salutations,
  Sector,
  Sectors,
  SuggestedOfficeTitles,
  Theme,
  Themes,
} from './vocabulary';
import { IsEmailAddress } from '../validation/email-address';
import { MultiLineText, SingleLineText } from '../validation/text-input';
import { MunicipalityDto } from './member-profile.dto';

/** The office appoints a person (Berufung); they get an invitation e-mail with a link. */
export class InviteMemberRequest {
  @ApiProperty({ enum: Salutations, example: 'Herr' })
  @IsIn(Salutations)
  salutation!: Salutation;

  @ApiPropertyOptional({ enum: AcademicTitles })
  @IsOptional()
  @IsIn(AcademicTitles)
  academicTitle?: AcademicTitle;

  @ApiPropertyOptional({
    example: 'Bürgermeister',
    description: `Üblich: ${SuggestedOfficeTitles.join(', ')}; freier Text möglich.`,
  })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  @SingleLineText()
  officeTitle?: string;

  @ApiProperty({ example: 'Jonas' })
  @IsString()
  @Length(1, 80)
  @SingleLineText()
  firstName!: string;

  @ApiProperty({ example: 'Beispiel' })
  @IsString()
  @Length(1, 80)
  @SingleLineText()
  lastName!: string;

  @ApiProperty({ example: 'jonas.beispiel@kalletal.example' })
  @IsEmailAddress()
  email!: string;

  @ApiProperty({ example: 'Gemeinde Kalletal' })
  @IsString()
  @Length(1, 160)
  @SingleLineText()
  organisation!: string;

  @ApiPropertyOptional({ example: 'Bürgermeister' })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  @SingleLineText()
  position?: string;

  @ApiProperty({ enum: Sectors, example: 'Kommune' })
  @IsIn(Sectors)
  sector!: Sector;

  @ApiProperty({ enum: FederalStateCodes, example: 'NW' })
  @IsIn(FederalStateCodes)
  federalState!: FederalState;

  @ApiPropertyOptional({ type: MunicipalityDto, description: 'Pflicht für den Sektor Kommune' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MunicipalityDto)
  municipality?: MunicipalityDto;

  @ApiProperty({ enum: Themes, isArray: true, example: ['Digitalisierung', 'Klimaschutz'] })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(Themes.length)
  @IsIn(Themes, { each: true })
  themes!: Theme[];

  @ApiPropertyOptional({
    maxLength: 4000,
    example: 'Wir freuen uns auf Ihre Erfahrung mit digital.interkommunal.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  @MultiLineText()
  personalMessage?: string;
}
