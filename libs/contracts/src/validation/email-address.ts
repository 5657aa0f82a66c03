import { domainToASCII } from 'node:url';

/**
 * The one definition of an e-mail address on the platform: the requests' field (`EmailAddressField`,
 * which the staff accounts of STAFF_BOOTSTRAP are checked with too) calls `checkEmailAddress`, and the
 * events' JSON Schema `format: email` (ContractRegistry) calls `isEmailAddress`, so an address a
 * request accepts is one its event carries.
 *
 * An address is stored in the form every mail relay delivers without SMTPUTF8 (RFC 6531), which the
 * club's relay is not assumed to speak: a local part of ASCII letters, digits and the signs of RFC
 * 5322's dot-atom (no quotes), and a domain in its ASCII form, so `gemeinde-lütjenburg.de` becomes
 * `xn--gemeinde-ltjenburg-v6b.de` (IDNA, as browsers resolve it). The whole address is lower-cased,
 * as it always was: one address, one member, whatever the case it is typed in. Every address this
 * accepts also passes the `email` format of ajv-formats, which readers of the streams use.
 */
export const EMAIL_ADDRESS_MAX_LENGTH = 254;
/** RFC 5322's dot-atom: words of letters, digits and these signs, joined by single dots. */
const ATOM = "[a-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LOCAL_PART = new RegExp(`^${ATOM}(?:\\.${ATOM})*$`);
/** A label of letters, digits and inner hyphens. */
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** At least two labels; the last of letters (or an IDN's `xn--`). */
const ASCII_DOMAIN = new RegExp(`^(?:${LABEL}\\.)+(?:[a-z]{2,63}|xn--[a-z0-9](?:[a-z0-9-]{0,57}[a-z0-9])?)$`);

/**
 * The JSON Schema `pattern` of an address field: what checkEmailAddress takes, in capitals too, less
 * a domain with umlauts, which it also takes but no pattern can tell from one a mail relay refuses.
 * (No limit of 64 characters before the @ either: RFC 5321 asks servers not to enforce it, and a
 * pattern could not say it; the whole address has at most 254.)
 */
export const EMAIL_ADDRESS_PATTERN = `^${ATOM}(?:\\.${ATOM})*@(?:${LABEL}\\.)+[a-z]{2,63}$`.replaceAll(
  'a-z',
  'A-Za-z',
);

export type EmailAddressCheck =
  { readonly ok: true; readonly address: string } | { readonly ok: false; readonly problem: string };

const refused = (problem: string): EmailAddressCheck => ({ ok: false, problem });

/** The address as it is stored, or what is wrong with it (German, to follow the field's name). */
export function checkEmailAddress(text: string): EmailAddressCheck {
  const typed = text.trim().toLowerCase();
  const at = typed.lastIndexOf('@');
  if (at <= 0 || at === typed.length - 1) {
    return refused(
      'muss eine E-Mail-Adresse wie vorname.nachname@gemeinde.de sein. Bitte prüfen Sie die Angabe.',
    );
  }
  const local = typed.slice(0, at);
  if (!LOCAL_PART.test(local)) {
    // eslint-disable-next-line no-control-regex -- "outside ASCII" is the point
    return /[^\u0000-\u007f]|"/.test(local)
      ? refused(
          'darf vor dem @ nur die Buchstaben a bis z (ohne Umlaute und ß), Ziffern und die Zeichen . _ - + enthalten, ' +
            'keine Anführungszeichen. Bitte fragen Sie nach einer solchen Adresse; Umlaute sind nur nach dem @ möglich.',
        )
      : refused(
          'hat vor dem @ ein Zeichen, das dort nicht stehen darf (etwa ein Leerzeichen, ein zweites @ oder zwei Punkte ' +
            'hintereinander). Bitte prüfen Sie die Adresse.',
        );
  }
  const domain = domainToASCII(typed.slice(at + 1));
  if (!ASCII_DOMAIN.test(domain)) {
    return refused(
      'hat nach dem @ keinen gültigen Domainnamen (wie gemeinde-lütjenburg.de). Bitte prüfen Sie die Adresse.',
    );
  }
  const address = `${local}@${domain}`;
  if (address.length > EMAIL_ADDRESS_MAX_LENGTH) {
    return refused(
      `darf höchstens ${EMAIL_ADDRESS_MAX_LENGTH} Zeichen lang sein (Umlaute nach dem @ in ihrer ASCII-Form gezählt).`,
    );
  }
  return { ok: true, address };
}

/** True for an address in the form it is stored (see checkEmailAddress): the events' `format: email`. */
export function isEmailAddress(text: string): boolean {
  const checked = checkEmailAddress(text);
  return checked.ok && checked.address === text;
}
