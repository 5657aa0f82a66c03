import { Transform } from 'class-transformer';
import { Equals, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/**
 * Every form of the link pages carries a key made when the page was shown, sent as the request's
 * idempotency key: a double click or a reload of the answer page acts once and shows the same outcome.
 */
export class PageForm {
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,100}$/, { message: 'requestKey ist ungültig' })
  requestKey?: string;
}

export class DeclineForm extends PageForm {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

/**
 * The unsubscribe page's form, and the one-click POST that mail programs send from their own
 * button (RFC 8058): `List-Unsubscribe=One-Click`, without a request key.
 */
export class UnsubscribeForm extends PageForm {
  @IsOptional()
  @Equals('One-Click', { message: 'List-Unsubscribe muss One-Click sein' })
  'List-Unsubscribe'?: string;
}
