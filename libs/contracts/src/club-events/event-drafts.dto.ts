import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { FederalState, FederalStateCodes } from '../membership/vocabulary';
import { IsBerlinTime } from '../time/berlin-time';
import { SingleLineText } from '../validation/text-input';
import { DelegationRole, DelegationRoles } from './vocabulary';
import { AgendaSessionDto, CircleModuleDto, EventBaseFields, VenueDto } from './event-parts.dto';

export class CreateForumRequest extends EventBaseFields {
  @ApiProperty({ example: '2027-05-12T09:30' })
  @IsBerlinTime()
  startsAt!: string;

  @ApiProperty({ example: '2027-05-13T16:00' })
  @IsBerlinTime()
  endsAt!: string;

  @ApiProperty({ example: 'Kommune 2035: mutig, vernetzt, nah', maxLength: 300 })
  @IsString()
  @Length(1, 300)
  @SingleLineText()
  leitgedanke!: string;

  @ApiPropertyOptional({
    type: Number,
    example: 23,
    minimum: 1,
    nullable: true,
    description: 'null löscht sie beim Ändern',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  edition?: number | null;

  @ApiProperty({ type: VenueDto })
  @ValidateNested()
  @Type(() => VenueDto)
  venue!: VenueDto;

  @ApiProperty({ type: [AgendaSessionDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AgendaSessionDto)
  sessions!: AgendaSessionDto[];
}

export class HostMunicipalityDto {
  @ApiProperty({ example: 'Ulm', maxLength: 120 })
  @IsString()
  @Length(1, 120)
  @SingleLineText()
  name!: string;

  @ApiPropertyOptional({ description: 'Amtlicher Gemeindeschlüssel (8 Ziffern)', example: '08421000' })
  @IsOptional()
  @IsString()
  @Matches(/^(0[1-9]|1[0-6])\d{6}$/, {
    message: 'ags muss der 8-stellige Amtliche Gemeindeschlüssel sein (beginnend mit 01 bis 16)',
  })
  ags?: string;

  @ApiProperty({ enum: FederalStateCodes, example: 'BW' })
  @IsIn(FederalStateCodes, { message: 'federalState muss ein Länderkürzel sein (z. B. BY, NW)' })
  federalState!: FederalState;
}

export class CreateLoungeRequest extends EventBaseFields {
  @ApiProperty({ example: '2027-04-15T17:00' })
  @IsBerlinTime()
  startsAt!: string;

  @ApiProperty({ example: '2027-04-15T21:00' })
  @IsBerlinTime()
  endsAt!: string;

  @ApiProperty({ example: 'Die smarte Stadt im Alltag', maxLength: 300 })
  @IsString()
  @Length(1, 300)
  @SingleLineText()
  topic!: string;

  @ApiProperty({ type: HostMunicipalityDto })
  @ValidateNested()
  @Type(() => HostMunicipalityDto)
  host!: HostMunicipalityDto;

  @ApiProperty({ type: VenueDto })
  @ValidateNested()
  @Type(() => VenueDto)
  venue!: VenueDto;
}

export class DelegationRuleDto {
  @ApiProperty({ minimum: 1, maximum: 20, example: 3 })
  @IsInt()
  @Min(1)
  @Max(20)
  maxPeople!: number;

  @ApiProperty({
    enum: DelegationRoles,
    isArray: true,
    example: ['mayor', 'administration', 'civil-society'],
  })
  @IsArray()
  @ArrayUnique()
  @IsIn(DelegationRoles, { each: true })
  suggestedRoles!: DelegationRole[];
}

export class CreateCircleRequest extends EventBaseFields {
  @ApiProperty({ type: [CircleModuleDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => CircleModuleDto)
  modules!: CircleModuleDto[];

  @ApiProperty({ type: DelegationRuleDto })
  @ValidateNested()
  @Type(() => DelegationRuleDto)
  delegation!: DelegationRuleDto;

  @ApiProperty({ minimum: 0, example: 0, description: 'Teilnahmegebühr in Cent; 0 = kostenfrei' })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  feeCents!: number;

  @ApiPropertyOptional({
    type: String,
    maxLength: 300,
    nullable: true,
    description: 'null löscht ihn beim Ändern',
  })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  @SingleLineText()
  feeNote?: string | null;
}

/** Updates name only what changes; lists (sessions, modules) are replaced as a whole. */
export class UpdateForumRequest extends PartialType(CreateForumRequest) {}
export class UpdateLoungeRequest extends PartialType(CreateLoungeRequest) {}
export class UpdateCircleRequest extends PartialType(CreateCircleRequest) {}
