import { InvitationMailPreviewRequest } from '@ic/contracts';
import { ForbiddenError, UnauthenticatedError } from '@ic/platform';
import { MailSettings } from '../../mail/mail-settings';
import {
  INVITATION_PREVIEW_EXPIRY,
  INVITATION_PREVIEW_LINK,
  INVITATION_SUBJECT,
} from '../../mail/templates/invitation.template';
import { PreviewInvitationMailUseCase } from './preview-invitation-mail.usecase';
import { anonymous, member, staff } from '../../testing/callers';

const request = (overrides: Partial<InvitationMailPreviewRequest> = {}): InvitationMailPreviewRequest => ({
  salutation: 'Frau',
  officeTitle: 'Bürgermeisterin',
  academicTitle: 'Dr.',
  firstName: 'Anna',
  lastName: 'Müller',
  personalMessage: 'Wir freuen uns auf Ihre Erfahrung\nmit digital.interkommunal.',
  ...overrides,
});

function newTestUseCase() {
  const settings = MailSettings.fromEnv({
    MAIL_FROM: 'Innovators Club des DStGB <innovators-club@dstgb.example>',
    LINK_BASE_URL: 'https://portal.example/',
    LINK_TOKEN_SECRET: Buffer.alloc(32, 7).toString('base64'),
  });
  return { sut: new PreviewInvitationMailUseCase(settings) };
}

describe(PreviewInvitationMailUseCase.name, () => {
  describe('execute', () => {
    it('renders the invitation mail with the form of address and the personal words', () => {
      const { sut } = newTestUseCase();

      const preview = sut.execute(request(), staff);

      expect(preview.subject).toBe(INVITATION_SUBJECT);
      expect(preview.text.startsWith('Sehr geehrte Frau Bürgermeisterin Dr. Müller,\n')).toBe(true);
      expect(preview.text).toContain('> Wir freuen uns auf Ihre Erfahrung\n> mit digital.interkommunal.');
      expect(preview.text).toContain('innovators-club@dstgb.example');
    });

    it('shows placeholders where the sent mail has its personal link and expiry', () => {
      const { sut } = newTestUseCase();

      const preview = sut.execute(request(), staff);

      expect(preview.text).toContain(`\n${INVITATION_PREVIEW_LINK}\n`);
      expect(preview.text).toContain(`Die Einladung gilt bis ${INVITATION_PREVIEW_EXPIRY}.`);
      expect(preview.text).not.toContain('https://portal.example/');
    });

    it('leaves the personal part out without personal words', () => {
      const { sut } = newTestUseCase();

      const preview = sut.execute(request({ personalMessage: undefined, salutation: 'keine' }), staff);

      expect(preview.text.startsWith('Guten Tag Dr. Anna Müller,\n')).toBe(true);
      expect(preview.text).not.toContain('persönlich:');
    });

    it('is for the office only', () => {
      const { sut } = newTestUseCase();

      expect(() => sut.execute(request(), member)).toThrow(ForbiddenError);
      expect(() => sut.execute(request(), anonymous)).toThrow(UnauthenticatedError);
    });
  });
});
