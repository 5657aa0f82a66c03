import { newLinkToken } from '@ic/platform';
import { randomUUID } from 'node:crypto';
import { MailNotReadyError } from '../../deliveries/deliver-mail/deliver-mail.usecase';
import { ContactRecord } from '../../replicas/contacts.repository';
import { contactsRepositoryOf } from '../../testing/delivery-factories';
import { SendSignInLinkUseCase } from './send-sign-in-link.usecase';
import { firstAttempt, recordingDeliverer } from '../../testing/recording-deliverer';
import { newMailSettings } from '../../testing/registration-factories';

function newTestUseCase(contacts: ContactRecord[]) {
  const { deliver, requests } = recordingDeliverer();
  const settings = newMailSettings();
  return {
    sut: new SendSignInLinkUseCase(deliver, contactsRepositoryOf(contacts), settings),
    box: settings.linkTokens,
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
        firstAttempt,
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
        firstAttempt,
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
        firstAttempt,
      );

      await expect(requests[0].compose()).rejects.toThrow(MailNotReadyError);
    });
  });
});
