import {
  BrowserSessionReply,
  ClosedObject,
  Shape,
  signedInRoleSchema,
  signedInSubjectSchema,
  Type,
} from '@ic/contracts';

/** GET /api/v1/auth/session without a session (no cookie, or one whose session has ended). */
export const signedOutSessionSchema = ClosedObject({ signedIn: Type.Literal(false, { example: false }) });
export type SignedOutSession = Shape<typeof signedOutSessionSchema>;

/** The browser's session: who it signs in, until when, and the token its writes must carry. */
export const signedInSessionSchema = ClosedObject({
  signedIn: Type.Literal(true, { example: true }),
  role: signedInRoleSchema,
  operations: Type.Boolean({
    description:
      'Ob das Konto der Geschäftsstelle auch den Betrieb der Plattform verantwortet (Seite „Betrieb“)',
    example: false,
  }),
  subject: signedInSubjectSchema,
  expiresAt: Type.String({
    format: 'date-time',
    example: '2026-12-21T10:00:00.000Z',
    description:
      'Ende der Sitzung. Mitglieder: 30 Tage nach der letzten Nutzung (höchstens einmal täglich verlängert); ' +
      'Geschäftsstelle: 10 Stunden nach der Anmeldung.',
  }),
  csrfToken: Type.String({
    description:
      'Bei jeder schreibenden Anfrage (POST, PUT, PATCH, DELETE) mit dem Sitzungs-Cookie im Header ' +
      '`X-CSRF-Token` mitsenden; gilt, solange das Cookie gilt.',
    example: 'kL0n3u0r2J1h8Yt6cV5bQ9wXzA4sD7fG1hJ2kL3mN4o',
  }),
});
export type SignedInSession = Shape<typeof signedInSessionSchema>;

export function signedInSession(session: BrowserSessionReply, csrfToken: string): SignedInSession {
  return {
    signedIn: true,
    role: session.role,
    operations: session.operations === true,
    subject: session.subject,
    expiresAt: session.expiresAt,
    csrfToken,
  };
}

export const SIGN_IN_LINK_ACCEPTED =
  'Wenn die Adresse bei uns bekannt ist, erhalten Sie in Kürze eine E-Mail mit einem Anmeldelink.';

export const signInLinkAcceptedSchema = ClosedObject({
  message: Type.String({ example: SIGN_IN_LINK_ACCEPTED }),
});
