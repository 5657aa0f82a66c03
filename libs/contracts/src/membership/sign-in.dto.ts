import {
  AsTypedTextField,
  ClosedComposite,
  ClosedObject,
  EmailAddressField,
  IdField,
  MatchingField,
  MultiLineTextField,
  RequestBody,
  TSchema,
  Type,
  withMessage,
} from '../schema';
import { PORTAL_PATH, PORTAL_PATH_MAX_LENGTH } from './portal-path';

/*
 * Signing in, browser sessions, and the answers given through the key of an e-mail link (an
 * invitation, the unsubscribe link): the gateway's request bodies and membership's payloads.
 */

const staffLoginSchema = ClosedObject({
  email: EmailAddressField({ example: 'geschaeftsstelle@innovators-club.example' }),
  // Compared, never shown or stored: any text, as typed.
  password: AsTypedTextField(200, { format: 'password' }),
});
export class StaffLoginRequest extends RequestBody(staffLoginSchema) {}

export class SignInLinkRequest extends RequestBody(
  ClosedObject({
    email: EmailAddressField({ example: 'jonas.beispiel@kalletal.example' }),
    returnTo: Type.Optional(
      withMessage(
        MatchingField(PORTAL_PATH, {
          description:
            'Die Seite des Portals, auf die der Link in der E-Mail nach der Anmeldung führt (als `?weiter=`): ' +
            'ein Pfad, der mit genau einem „/“ beginnt.',
          example: '/veranstaltungen/5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10',
          maxLength: PORTAL_PATH_MAX_LENGTH,
        }),
        'returnTo muss ein Pfad im Portal sein: mit einem „/“ am Anfang, ohne „//“, ohne „\\“ und ohne Leerzeichen',
      ),
    ),
  }),
) {}

/** The key of an e-mail link (invitation or sign-in). */
export const LINK_TOKEN = /^[A-Za-z0-9_-]{32,64}$/;

/** A token from an e-mail link (invitation or sign-in). */
const linkTokenSchema = ClosedObject({
  token: withMessage(
    Type.String({ description: 'Der Schlüssel aus dem Link in der E-Mail', pattern: LINK_TOKEN.source }),
    'token ist kein gültiger Link-Schlüssel',
  ),
});
export class LinkTokenRequest extends RequestBody(linkTokenSchema) {}

/**
 * The key of the unsubscribe link in an announcement: the member id and its signature
 * (`<uuid>.<43 characters base64url>`, see UnsubscribeTokens in libs/platform).
 */
export const UNSUBSCRIBE_TOKEN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[A-Za-z0-9_-]{43}$/;

/** One click on the unsubscribe link of an announcement: no more announcements for that member. */
export class UnsubscribeAnnouncementsRequest extends RequestBody(
  ClosedObject({
    token: withMessage(
      Type.String({
        description: 'Der Schlüssel aus dem Abmeldelink der Ankündigung',
        pattern: UNSUBSCRIBE_TOKEN.source,
      }),
      'token ist kein gültiger Abmelde-Schlüssel',
    ),
  }),
) {}

/** Accepting an invitation; with `signIn: true` the browser is signed in at once (session cookie). */
export class AcceptInvitationRequest extends RequestBody(
  ClosedComposite([
    linkTokenSchema,
    ClosedObject({
      signIn: Type.Optional(
        withMessage(
          Type.Boolean({
            description:
              'true: meldet die Person im Browser gleich an (setzt das Sitzungs-Cookie), ohne Anmeldelink.',
            example: true,
          }),
          'signIn muss true oder false sein',
        ),
      ),
    }),
  ]),
) {}

export class DeclineInvitationRequest extends RequestBody(
  ClosedComposite([linkTokenSchema, ClosedObject({ reason: Type.Optional(MultiLineTextField(2000)) })]),
) {}

/** SHA-256 of a browser session's secret, as the gateway computes it (64 lower-case hex digits). */
const sessionSecretHashField = withMessage(
  Type.String({ pattern: '^[0-9a-f]{64}$' }),
  'sessionSecretHash muss der SHA-256-Hash des Sitzungsgeheimnisses sein (64 Hex-Ziffern)',
);
const sessionSecretHashSchema = ClosedObject({ sessionSecretHash: sessionSecretHashField });
export class SessionSecretHashRequest extends RequestBody(sessionSecretHashSchema) {}

/** How many sessions the gateway asks about in one request at most. */
export const SESSIONS_PER_QUESTION = 100;

/** A list of 1 to SESSIONS_PER_QUESTION items of the field. */
function SessionList<Item extends TSchema>(item: Item, field: string) {
  return withMessage(
    Type.Array(item, { minItems: 1, maxItems: SESSIONS_PER_QUESTION }),
    `${field} muss 1 bis ${SESSIONS_PER_QUESTION} Einträge haben`,
  );
}

/** The sessions of many cookies at once, by their secrets' hashes. */
export class SessionSecretHashesRequest extends RequestBody(
  ClosedObject({ sessionSecretHashes: SessionList(sessionSecretHashField, 'sessionSecretHashes') }),
) {}

export class StartMemberBrowserSessionRequest extends RequestBody(
  ClosedComposite([linkTokenSchema, sessionSecretHashSchema]),
) {}

export class StartStaffBrowserSessionRequest extends RequestBody(
  ClosedComposite([staffLoginSchema, sessionSecretHashSchema]),
) {}

/** With `sessionSecretHash`, accepting also starts the new member's browser session. */
export class InvitationAcceptanceRequest extends RequestBody(
  ClosedComposite([linkTokenSchema, Type.Partial(sessionSecretHashSchema)]),
) {}

const sessionSchema = ClosedObject({ sessionId: IdField('sessionId') });
export class SessionRequest extends RequestBody(sessionSchema) {}

/** Many access tokens' sessions at once, by their ids. */
export class SessionsRequest extends RequestBody(
  ClosedObject({ sessionIds: SessionList(IdField('sessionId'), 'sessionIds') }),
) {}

/** Log out names the session, or leaves it to the session of the calling token. */
export class LogoutRequest extends RequestBody(Type.Partial(sessionSchema)) {}
