import { ClosedObject, Shape, Type } from '../schema';
import { PickType } from '@nestjs/swagger';
import { InviteMemberRequest } from '../membership';
import { defineRequest } from '../requests/request-pattern';

/**
 * What the invitation mail is made of before it is sent: the person's form of address and the
 * office's personal words, as in `InviteMemberRequest` (same validation).
 */
export class InvitationMailPreviewRequest extends PickType(InviteMemberRequest, [
  'salutation',
  'academicTitle',
  'officeTitle',
  'firstName',
  'lastName',
  'personalMessage',
] as const) {}

/** The invitation mail's subject and plain text, with placeholders for the link and the expiry. */
export const invitationMailPreviewReplySchema = ClosedObject({
  subject: Type.String({ example: 'Ihre Berufung in den Innovators Club des DStGB' }),
  text: Type.String({
    description:
      'Der Text der E-Mail; der persönliche Link und die Frist werden erst beim Versand eingesetzt.',
  }),
});
export type InvitationMailPreviewReply = Shape<typeof invitationMailPreviewReplySchema>;

export const InvitationMailPreviewRequests = {
  previewInvitationMail: defineRequest<InvitationMailPreviewRequest, InvitationMailPreviewReply>(
    'notifications',
    'invitation-mail.preview',
  ),
} as const;
