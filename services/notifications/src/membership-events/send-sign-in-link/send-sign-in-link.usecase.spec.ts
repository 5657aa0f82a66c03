import { newLinkToken, SecretBox } from '@ic/platform';
import { randomBytes, randomUUID } from 'node:crypto';
import { MailNotReadyError } from '../../deliveries/deliver-mail/deliver-mail.usecase';
import { MailSettings } from '../../mail/mail-settings';
import { ContactRecord } from '../../replicas/contacts.repository';
import { contactsRepositoryOf } from '../../testing/delivery-factories';
import { SendSignInLinkUseCase } from './send-sign-in-link.usecase';
import { recordingDeliverer } from '../../testing/recording-deliverer';

function newTestUseCase(contacts: ContactRecord[]) {
  const key = randomBytes(32).toString('base64');
  const { deliver, requests } = recordingDeliverer();
  const repository = contactsRepositoryOf(contacts);
  const settings = MailSettings.fromEnv({
    MAIL_FROM: 'Innovators Club des DStGB <innovators-club@dstgb.example>',
    LINK_BASE_URL: 'https://portal.example',
    LINK_TOKEN_SECRET: key,
  });
  return {
    sut: new SendSignInLinkUseCase(deliver, repository, settings),
    box: SecretBox.fromBase64Key(key),
    requests,
  };
}

const contact: ContactRecord = {
  memberId: randomUUID(),
  salutation: 'keine',
  firstName: 'Kim',
  lastName: 'Berger',
  email: 'kim.berger@stadt.example',
  status: 'active',
  themes: [],
  announcementsOptOut: false,
};

describe(SendSignInLinkUseCase.name, () => {
  describe('execute', () => {
    it('mails the sign-in link to the address in the contact replica', async () => {
      const { sut, box, requests } = newTestUseCase([contact]);
      const token = newLinkToken();
      const eventId = randomUUID();

      await sut.execute(
        {
          eventId,
          memberId: contact.memberId,
          signInToken: box.seal(token),
          expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
        },
        { number: 1, last: false },
      );

      expect(requests[0]).toMatchObject({
        kind: 'sign-in-link',
        causedBy: eventId,
        memberId: contact.memberId,
      });
      const mail = await requests[0].compose();
      expect(mail.to).toEqual({ name: 'Kim Berger', address: 'kim.berger@stadt.example' });
      expect(mail.text).toContain(`https://portal.example/anmelden/${token}`);
      expect(mail.text.startsWith('Guten Tag Kim Berger,')).toBe(true);
    });

    it('links on to the page the member asked from, encoded as ?weiter=', async () => {
      const { sut, box, requests } = newTestUseCase([contact]);
      const token = newLinkToken();

      await sut.execute(
        {
          eventId: randomUUID(),
          memberId: contact.memberId,
          signInToken: box.seal(token),
          expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
          returnTo: '/veranstaltungen/abc?art=lounge&x=ä',
        },
        { number: 1, last: false },
      );

      const mail = await requests[0].compose();
      const link = `https://portal.example/anmelden/${token}?weiter=%2Fveranstaltungen%2Fabc%3Fart%3Dlounge%26x%3D%C3%A4`;
      expect(mail.text).toContain(`\n${link}\n`);
      expect(mail.html).toContain(`href="${link}"`);
    });

    it('cannot write the mail for a member it has no contact for', async () => {
      const { sut, box, requests } = newTestUseCase([]);

      await sut.execute(
        {
          eventId: randomUUID(),
          memberId: randomUUID(),
          signInToken: box.seal(newLinkToken()),
          expiresAt: new Date().toISOString(),
        },
        { number: 1, last: false },
      );

      await expect(requests[0].compose()).rejects.toThrow(MailNotReadyError);
    });
  });
});
