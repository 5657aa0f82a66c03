import { CallerIdentity, InvitationMailPreviewReply, InvitationMailPreviewRequest } from '@ic/contracts';
import { Injectable } from '@nestjs/common';
import { MailSettings } from '../../mail/mail-settings';
import { renderInvitationMailPreview } from '../../mail/templates/invitation.template';
import { assertRole } from '../../caller-role';

/**
 * The invitation mail's text as the office's form would send it, before anything is sent: the
 * same template, with placeholders for the link and the expiry. Nothing is stored or delivered.
 */
@Injectable()
export class PreviewInvitationMailUseCase {
  constructor(private readonly settings: MailSettings) {}

  execute(request: InvitationMailPreviewRequest, identity: CallerIdentity): InvitationMailPreviewReply {
    assertRole(identity, 'staff', {
      signIn: 'Bitte melden Sie sich an, um die Einladung anzusehen.',
      forbidden: 'Die Vorschau der Einladung sieht nur die Geschäftsstelle.',
    });
    return renderInvitationMailPreview({
      addressee: {
        salutation: request.salutation,
        firstName: request.firstName,
        lastName: request.lastName,
        ...(request.academicTitle ? { academicTitle: request.academicTitle } : {}),
        ...(request.officeTitle ? { officeTitle: request.officeTitle } : {}),
      },
      ...(request.personalMessage ? { personalMessage: request.personalMessage } : {}),
      office: this.settings.office,
    });
  }
}
