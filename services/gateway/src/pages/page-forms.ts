import { SendOptions } from '@ic/messaging/client';
import { Equals, IsOptional, IsString, Matches } from 'class-validator';

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

/**
 * The unsubscribe page's form, and the one-click POST that mail programs send from their own
 * button (RFC 8058): `List-Unsubscribe=One-Click`, without a request key.
 */
export class UnsubscribeForm extends PageForm {
  @IsOptional()
  @Equals('One-Click', { message: 'List-Unsubscribe muss One-Click sein' })
  'List-Unsubscribe'?: string;
}

/** The key the page put into its form, so a repeated submit acts once. */
export function withFormKey(call: SendOptions, form: PageForm): SendOptions {
  return form.requestKey ? { ...call, idempotencyKey: form.requestKey } : call;
}
