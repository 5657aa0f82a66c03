import { ClosedObject, CloneType, invitationPreviewReplySchema, Type } from '@ic/contracts';
import { signedInSessionSchema } from '../auth/browser-session.shapes';

/** What the invited person sees before answering: no e-mail address, no internal data. */
export const invitationPreviewSchema = ClosedObject({
  ...invitationPreviewReplySchema.properties,
  greeting: Type.String({
    example: 'Sehr geehrte Frau Bürgermeisterin Dr. Brenner,',
    description: 'Die Anrede, wie sie die Einladungs-E-Mail verwendet',
  }),
});

export const invitationAcceptedSchema = ClosedObject({
  memberId: Type.String({ format: 'uuid', description: 'Das neue Mitglied' }),
  session: Type.Optional(
    CloneType(signedInSessionSchema, {
      description: 'Nur mit `signIn: true`: die neue Sitzung im Browser (das Sitzungs-Cookie ist gesetzt).',
    }),
  ),
});

export const invitationDeclinedSchema = ClosedObject({ declined: Type.Literal(true) });
