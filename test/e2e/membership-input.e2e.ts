import { E2eClient, fieldsOf, Problem } from '../support/e2e-client';
import { sleep } from '../support/eventually';
import { MembershipThroughTheGateway, run, address } from '../support/membership-e2e';

/**
 * Membership end to end, as a web client and a person with a mailbox meet it, every call through
 * the gateway and every mail read back from the SMTP sink: bad input refused with nothing stored or sent, and text and addresses as people type them.
 */
describe('Membership through the gateway', () => {
  const bed = MembershipThroughTheGateway.forThisFile();
  const { inviteBody, invite, allInvitations } = bed;
  let client: E2eClient;
  let staffToken: string;

  beforeAll(() => {
    ({ client, staff: staffToken } = bed);
  });

  describe('bad input', () => {
    const badAddresses: string[] = [];
    let invitationsBefore: number;

    const refused = async (name: string, change: Record<string, unknown>, field: string) => {
      const email = address(`bad-${name}`);
      badAddresses.push(email);
      const body = { ...inviteBody('Bad', { email }), ...change };
      const response = await client.call<Problem>('POST', '/invitations', { token: staffToken, body });
      expect({ name, status: response.status }).toEqual({ name, status: 400 });
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const fields = fieldsOf(response.body);
      expect({
        name,
        fields: fields.length > 0 && fields.every((f) => f === field || f.startsWith(`${field}.`)),
      }).toEqual({
        name,
        fields: true,
      });
      expect(response.body.detail).toContain(field);
    };

    beforeAll(async () => {
      invitationsBefore = (await allInvitations()).length;
    });

    it('refuses unknown fields, bad AGS, bad e-mail, wrong types and oversized strings, naming the field', async () => {
      await refused('unknown', { isStaff: true }, 'isStaff');
      await refused(
        'ags-short',
        { municipality: { name: 'Kalletal', ags: '0576604', population: 13900 } },
        'municipality.ags',
      );
      await refused(
        'ags-land',
        { municipality: { name: 'Kalletal', ags: '17766040', population: 13900 } },
        'municipality.ags',
      );
      await refused(
        'population',
        { municipality: { name: 'Kalletal', ags: '05766040', population: '13900' } },
        'municipality.population',
      );
      await refused('themes-type', { themes: 'Digitalisierung' }, 'themes');
      await refused('themes-unknown', { themes: ['Fußball'] }, 'themes');
      await refused('sector', { sector: 'Kirche' }, 'sector');
      await refused('name-number', { firstName: 42 }, 'firstName');
      await refused('name-long', { lastName: 'x'.repeat(81) }, 'lastName');
      await refused('message-long', { personalMessage: 'x'.repeat(4001) }, 'personalMessage');
      await refused('header-injection', { firstName: 'Jonas\r\nBcc: alle@example.org' }, 'firstName');

      const badEmail = await client.call<Problem>('POST', '/invitations', {
        token: staffToken,
        body: inviteBody('Bad', { email: 'jonas@@kalletal' }),
      });
      expect(badEmail.status).toBe(400);
      expect(fieldsOf(badEmail.body)).toEqual(['email']);
    });

    it('refuses text that would be stored or mailed wrong, naming the field', async () => {
      await refused('name-zero-width', { firstName: 'Jo\u200Bnas' }, 'firstName');
      await refused('name-hangul-filler', { lastName: '\u3164' }, 'lastName');
      await refused('name-direction', { organisation: 'Gemeinde \u202Etellaklak' }, 'organisation');
      await refused('message-nul', { personalMessage: 'Willkommen\u0000' }, 'personalMessage');
      await refused('message-escape', { personalMessage: 'Willkommen \u001b[31m' }, 'personalMessage');
      await refused('message-half-character', { personalMessage: 'Willkommen \ud83d' }, 'personalMessage');
      await refused('email-umlaut', { email: `jörg.${run}@e2e-kommune.example` }, 'email');
      await refused('email-quoted', { email: `"jonas ${run}"@e2e-kommune.example` }, 'email');

      const email = address('bad-latin1');
      badAddresses.push(email);
      const json = JSON.stringify(inviteBody('Bad', { email, lastName: `Stra__e ${run}` }));
      const [before, after] = json.split('__');
      const latin1 = Buffer.concat([Buffer.from(before), Buffer.from([0xdf]), Buffer.from(after)]);
      const response = await client.call<Problem>('POST', '/invitations', {
        token: staffToken,
        body: latin1,
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['lastName']);
      expect(response.body.errors?.[0]?.message).toContain('UTF-8');
    });

    it('refuses {"$gt": ""} in every field of the invitation', async () => {
      for (const field of Object.keys(inviteBody('Bad'))) {
        await refused(`operator-${field.toLowerCase()}`, { [field]: { $gt: '' } }, field);
      }
    });

    it('refuses an oversized body (413), a malformed id and a malformed idempotency key', async () => {
      const big = await client.call<Problem>('POST', '/invitations', {
        token: staffToken,
        body: inviteBody('Bad', { personalMessage: 'x'.repeat(70 * 1024) }),
      });
      expect(big.status).toBe(413);
      expect(big.headers.get('content-type')).toContain('application/problem+json');

      const badId = await client.call<Problem>('GET', '/invitations/not-a-uuid', { token: staffToken });
      expect(badId.status).toBe(400);
      expect(fieldsOf(badId.body)).toEqual(['id']);

      const badKey = await client.call<Problem>('POST', '/invitations', {
        token: staffToken,
        body: inviteBody('Bad', { email: address('bad-key') }),
        headers: { 'idempotency-key': 'kurz' },
      });
      badAddresses.push(address('bad-key'));
      expect(badKey.status).toBe(400);
      expect(fieldsOf(badKey.body)).toEqual(['Idempotency-Key']);
    });

    it('stored and sent nothing', async () => {
      const invitations = await allInvitations();
      expect(invitations).toHaveLength(invitationsBefore);
      expect(invitations.filter((invitation) => badAddresses.includes(invitation.email))).toEqual([]);
      await sleep(2000);
      for (const email of badAddresses)
        expect({ email, mails: await client.mailsTo(email) }).toEqual({ email, mails: [] });
    });
  });

  describe('text and addresses as people type them', () => {
    it('keeps a name in its composed form and a domain with umlauts in its ASCII form, and mails both so', async () => {
      const ascii = `nfc.${run}@xn--gemeinde-ltjenburg-v6b.example`;
      const invitation = await invite(
        inviteBody('Nfc', {
          salutation: 'Frau',
          firstName: 'Jo\u0308rdis', // "ö" as "o" and a combining diaeresis, as macOS may send it
          lastName: `Mu\u0308ller ${run}`,
          email: `NFC.${run}@Gemeinde-Lütjenburg.example`,
        }),
      );
      expect(invitation).toMatchObject({ email: ascii, firstName: 'Jördis', lastName: `Müller ${run}` });
      // The sink (smtp-server) shows the domain of RCPT TO in its Unicode form, as mail programs do.
      const { message } = await client.linkFromMail(`nfc.${run}@gemeinde-lütjenburg.example`, 'einladung');
      expect(message.text).toContain(`Müller ${run}`);
    });
  });
});
