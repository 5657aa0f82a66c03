import { AcademicTitle, AcademicTitles, Salutation, Salutations } from '@ic/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** How a person is named and addressed, and where they work: shared by invitations, members and entries. */
export class PersonNameResponse {
  @ApiProperty({ enum: Salutations, example: 'Herr' })
  salutation!: Salutation;

  @ApiPropertyOptional({ enum: AcademicTitles })
  academicTitle?: AcademicTitle;

  @ApiPropertyOptional({ example: 'Bürgermeister' })
  officeTitle?: string;

  @ApiProperty({ example: 'Jonas' })
  firstName!: string;

  @ApiProperty({ example: 'Beispiel' })
  lastName!: string;

  @ApiProperty({ example: 'Gemeinde Kalletal' })
  organisation!: string;
}

/** Copies exactly these fields, so that nothing else a service sent can leak into a response. */
export function toPersonNameResponse(reply: PersonNameResponse): PersonNameResponse {
  return {
    salutation: reply.salutation,
    academicTitle: reply.academicTitle,
    officeTitle: reply.officeTitle,
    firstName: reply.firstName,
    lastName: reply.lastName,
    organisation: reply.organisation,
  };
}
