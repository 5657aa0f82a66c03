import { FailedSignInsOfAddress, FailedSignInsReply } from '@ic/contracts';
import { ApiProperty } from '@nestjs/swagger';

/** The failed password sign-ins of one address tried. */
export class FailedSignInsOfAddressResponse implements FailedSignInsOfAddress {
  @ApiProperty({ example: 'leitung@innovators-club.example', description: 'Die versuchte Adresse' })
  email!: string;

  @ApiProperty({
    example: true,
    description: 'Ob die Adresse ein Konto der Geschäftsstelle ist (sonst hat sie kein Konto)',
  })
  officeAccount!: boolean;

  @ApiProperty({ example: 3, minimum: 1, description: 'Fehlversuche in den letzten Tagen (`days`)' })
  failures!: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-21T10:14:12.000Z' })
  lastFailureAt!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-11-21T10:14:14.000Z',
    description:
      'Ab wann die Adresse es wieder versuchen kann: nach mehreren Fehlversuchen in Folge wartet jeder ' +
      'weitere länger (1 s, 2 s, 4 s … höchstens 60 s). `null`: sofort.',
  })
  nextAttemptAt!: string | null;
}

export class FailedSignInsResponse implements FailedSignInsReply {
  @ApiProperty({ example: 7, description: 'So viele Tage reicht die Antwort zurück' })
  days!: number;

  @ApiProperty({
    type: [FailedSignInsOfAddressResponse],
    description: 'Je Adresse, die jüngste zuerst; bei sehr vielen nur die 50 jüngsten',
  })
  addresses!: FailedSignInsOfAddressResponse[];

  @ApiProperty({ example: 1, description: 'Wie viele Adressen es waren' })
  addressCount!: number;
}

export function toFailedSignInsResponse(reply: FailedSignInsReply): FailedSignInsResponse {
  return {
    days: reply.days,
    addresses: reply.addresses.map((address) => ({
      email: address.email,
      officeAccount: address.officeAccount,
      failures: address.failures,
      lastFailureAt: address.lastFailureAt,
      nextAttemptAt: address.nextAttemptAt,
    })),
    addressCount: reply.addressCount,
  };
}
