import { MemberProfile } from '@ic/contracts';
import { newLinkToken, SecretBox } from '@ic/platform';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  ComposedMail,
  DeliveryRequest,
  MailNotReadyError,
} from '../../deliveries/deliver-mail/deliver-mail.usecase';
import { MailSettings } from '../../mail/mail-settings';
import { ContactRecord } from '../../replicas/contacts.repository';
import { contactsRepositoryOf } from '../../testing/delivery-factories';
import { SendInvitationCommand, SendInvitationUseCase } from './send-invitation.usecase';
import { firstAttempt, recordingDeliverer } from '../../testing/recording-deliverer';

const profile: MemberProfile = {
  salutation: 'Herr',
  officeTitle: 'Bürgermeister',
  firstName: 'Jonas',
  lastName: 'Beispiel',
  email: 'jonas.beispiel@kalletal.example',
  organisation: 'Gemeinde Kalletal',
  sector: 'Kommune',
  federalState: 'NW',
  themes: ['Digitalisierung'],
};

function newTestUseCase(contacts: ContactRecord[] = []) {
  const key = randomBytes(32).toString('base64');
  const box = SecretBox.fromBase64Key(key);
  const { deliver, requests } = recordingDeliverer();
  const repository = contactsRepositoryOf(contacts);
  const settings = MailSettings.fromEnv({
    MAIL_FROM: 'Innovators Club des DStGB <innovators-club@dstgb.example>',
    LINK_BASE_URL: 'https://portal.example/',
    LINK_TOKEN_SECRET: key,
  });
  const sut = new SendInvitationUseCase(deliver, repository, settings);
  return { sut, box, requests };
}

function command(box: SecretBox, token: string, overrides: Partial<SendInvitationCommand> = {}) {
  return {
    eventId: randomUUID(),
    memberId: randomUUID(),
    invitationToken: box.seal(token),
    expiresAt: '2026-12-21T10:00:00.000Z',
    ...overrides,
  };
}

async function composed(request: DeliveryRequest | undefined): Promise<ComposedMail> {
  if (!request) throw new Error('no delivery requested');
  return request.compose();
}

describe(SendInvitationUseCase.name, () => {
  describe('execute', () => {
    it('asks for one invitation delivery per event, to the invitee, with the opened link token', async () => {
      const { sut, box, requests } = newTestUseCase();
      const token = newLinkToken();
      const invitation = command(box, token, { invitee: { profile, personalMessage: 'Willkommen!' } });

      await sut.execute(invitation, firstAttempt);

      expect(requests[0]).toMatchObject({
        kind: 'invitation',
        memberId: invitation.memberId,
        causedBy: invitation.eventId,
        subject: 'Ihre Berufung in den Innovators Club des DStGB',
      });
      const mail = await composed(requests[0]);
      expect(mail.to).toEqual({ name: 'Jonas Beispiel', address: 'jonas.beispiel@kalletal.example' });
      expect(mail.text).toContain(`https://portal.example/einladung/${token}`);
      expect(mail.text).toContain('Sehr geehrter Herr Bürgermeister Beispiel,');
      expect(mail.text).toContain('> Willkommen!');
    });

    it('takes a resent invitation to the address and message in the contact replica', async () => {
      const memberId = randomUUID();
      const { sut, box, requests } = newTestUseCase([
        {
          ...profile,
          memberId,
          status: 'invited',
          personalMessage: 'Wir freuen uns.',
          announcementsOptOut: false,
        },
      ]);
      const token = newLinkToken();

      await sut.execute(command(box, token, { memberId }), firstAttempt);

      const mail = await composed(requests[0]);
      expect(mail.to.address).toBe('jonas.beispiel@kalletal.example');
      expect(mail.text).toContain(`/einladung/${token}`);
      expect(mail.text).toContain('> Wir freuen uns.');
    });

    it('cannot write a resent invitation for a member it does not know yet', async () => {
      const { sut, box, requests } = newTestUseCase();

      await sut.execute(command(box, newLinkToken()), firstAttempt);

      await expect(composed(requests[0])).rejects.toThrow(MailNotReadyError);
    });

    it('cannot write an invitation whose token was sealed with another key, and says for whom', async () => {
      const { sut, requests } = newTestUseCase();
      const otherBox = SecretBox.fromBase64Key(randomBytes(32).toString('base64'));

      await sut.execute(command(otherBox, newLinkToken(), { invitee: { profile } }), firstAttempt);

      await expect(composed(requests[0])).rejects.toMatchObject({
        name: 'MailCannotBeComposedError',
        recipient: 'jonas.beispiel@kalletal.example',
      });
    });
  });
});
