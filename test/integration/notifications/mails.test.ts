import {
  DomainTopics,
  InvitationResentEvent,
  MailFailed,
  MailFailedEvent,
  MailSent,
  MailSentEvent,
  MemberActivatedEvent,
  MemberInvitedEvent,
  MemberProfileUpdatedEvent,
  SignInLinkRequestedEvent,
} from '@ic/contracts';
import { DLT_HEADERS, newCloudEvent } from '@ic/messaging';
import { hashLinkToken, newLinkToken, SecretBox } from '@ic/platform';
import { randomBytes, randomUUID } from 'node:crypto';
import { eventually, sleep } from '../../support/eventually';
import { TopicReader } from '../../support/kafka-probe';
import { EVENT_GROUP, LINK_BASE_URL, linkIn, NotificationsHarness } from './notifications-harness';

const MAX_ATTEMPTS = 3;

/**
 * The notifications service as a process against real Kafka, the database and the SMTP sink: membership
 * events in, mails out (read back from the sink), the delivery log and MailSent / MailFailed out.
 */
describe('Notifications service: membership mails', () => {
  const harness = new NotificationsHarness({ CONSUMER_MAX_ATTEMPTS: String(MAX_ATTEMPTS) });
  const notifications = new TopicReader(harness.kafka, DomainTopics.notifications);
  const deadLetters = new TopicReader(harness.kafka, `${DomainTopics.membership}.dlt`);

  const published = (reader: TopicReader, deliveryId: string) =>
    reader.received.filter((message) => message.key === deliveryId);
  const dataOf = <T>(value: string | undefined): T => JSON.parse(value ?? 'null') as T;

  beforeAll(async () => {
    await harness.connect();
    await harness.startService();
    await Promise.all([notifications.start(), deadLetters.start()]);
  });

  afterAll(async () => {
    await Promise.all([notifications.stop(), deadLetters.stop()]);
    await harness.stop();
  });

  it('mails an invitation with the right salutation, sender, both parts, and a link whose token opens the invitation', async () => {
    const email = harness.address('anna.mueller');
    const invitation = harness.invited(
      {
        email,
        salutation: 'Frau',
        officeTitle: 'Oberbürgermeisterin',
        academicTitle: 'Dr.',
        lastName: 'Müller',
      },
      'Wir freuen uns auf Sie! <script>alert("x")</script>',
    );
    const event = harness.event(MemberInvitedEvent, invitation.memberId, invitation.data);

    await harness.publish(event);
    const [mail] = await harness.waitForMail(email);

    expect(mail.from).toBe('innovators-club@dstgb.example');
    expect(mail.headers.from).toContain('Innovators Club des DStGB');
    expect(mail.to).toEqual([email]);
    expect(mail.subject).toBe('Ihre Berufung in den Innovators Club des DStGB');
    expect(mail.messageId).toBe(`<invitation.${event.id}@dstgb.example>`);
    expect(mail.headers['auto-submitted']).toBe('auto-generated');
    expect(mail.text).toMatch(/^Sehr geehrte Frau Oberbürgermeisterin Dr\. Müller,\n/);
    expect(mail.html).toContain('Sehr geehrte Frau Oberbürgermeisterin Dr. Müller,');
    // The link's token is the one the membership service stored (as a hash) for this invitation.
    const token = linkIn(mail.text, 'einladung');
    expect(hashLinkToken(token)).toBe(hashLinkToken(invitation.token));
    expect(mail.html).toContain(`href="${LINK_BASE_URL}/einladung/${invitation.token}"`);
    // The personal message: word for word in the text part, escaped in the HTML part.
    expect(mail.text).toContain('> Wir freuen uns auf Sie! <script>alert("x")</script>');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(mail.text).toMatch(/gilt bis \w+, \d{1,2}\. \w+ \d{4}, \d{2}:\d{2} Uhr/);

    const deliveryId = `invitation:${event.id}`;
    expect(await harness.waitForDelivery(deliveryId, 'sent')).toMatchObject({
      kind: 'invitation',
      memberId: invitation.memberId,
      recipient: email,
      attempts: 1,
      messageId: mail.messageId,
    });
    const sent = await eventually(() => {
      const [message] = published(notifications, deliveryId);
      expect(message?.headers.ce_type).toBe(MailSentEvent.type);
      return dataOf<MailSent>(message.value);
    });
    expect(sent).toMatchObject({
      deliveryId,
      kind: 'invitation',
      memberId: invitation.memberId,
      causedBy: event.id,
    });
    expect(JSON.stringify(sent)).not.toContain(email);
  });

  it('resends an invitation with the new link to the address it knows, with the personal message again', async () => {
    const email = harness.address('kim.berger');
    const invitation = harness.invited(
      { email, salutation: 'keine', firstName: 'Kim', lastName: 'Berger' },
      'Herzliche Grüße aus der Geschäftsstelle.',
    );
    await harness.publish(harness.event(MemberInvitedEvent, invitation.memberId, invitation.data));
    await harness.waitForMail(email);

    const newToken = newLinkToken();
    await harness.publish(
      harness.event(InvitationResentEvent, invitation.memberId, {
        memberId: invitation.memberId,
        invitationId: invitation.memberId,
        resentBy: { subject: 'staff-test', role: 'staff' },
        expiresAt: new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString(),
        invitationToken: harness.seal(newToken),
      }),
    );
    const [resent] = await harness.waitForMail(email, 2);

    expect(resent.text).toMatch(/^Guten Tag Kim Berger,\n/);
    expect(linkIn(resent.text, 'einladung')).toBe(newToken);
    expect(resent.text).toContain('> Herzliche Grüße aus der Geschäftsstelle.');
  });

  it('mails a sign-in link to the address of the latest profile, valid until a time of day', async () => {
    const invitation = harness.invited({
      email: harness.address('old.address'),
      salutation: 'Herr',
      firstName: 'Lars',
      lastName: 'Meier',
      officeTitle: 'Landrat',
    });
    const { memberId } = invitation;
    const newEmail = harness.address('lars.meier');
    const activatedProfile = invitation.data.profile;
    const signInToken = newLinkToken();
    await harness.publish(
      harness.event(MemberInvitedEvent, memberId, invitation.data),
      harness.event(MemberActivatedEvent, memberId, {
        memberId,
        invitationId: memberId,
        joinedAt: new Date().toISOString(),
        profile: activatedProfile,
      }),
      harness.event(MemberProfileUpdatedEvent, memberId, {
        memberId,
        changedBy: { subject: memberId, role: 'member' },
        changedFields: ['email'],
        profile: { ...activatedProfile, email: newEmail },
      }),
      harness.event(SignInLinkRequestedEvent, memberId, {
        memberId,
        expiresAt: new Date(Date.now() + 15 * 60 * 1000).toISOString(),
        signInToken: harness.seal(signInToken),
      }),
    );

    const [mail] = await harness.waitForMail(newEmail);

    expect(mail.subject).toBe('Ihr Anmeldelink für den Innovators Club');
    expect(mail.text).toMatch(/^Sehr geehrter Herr Landrat Meier,\n/);
    expect(mail.html).toContain('Sehr geehrter Herr Landrat Meier,');
    expect(linkIn(mail.text, 'anmelden')).toBe(signInToken);
    expect(mail.html).toContain(`href="${LINK_BASE_URL}/anmelden/${signInToken}"`);
    expect(mail.text).toMatch(/Der Link gilt bis (\d{2}:\d{2}|.+, \d{2}:\d{2}) Uhr/);
    expect(mail.text).toContain('Falls Sie keinen Anmeldelink angefordert haben');
    expect(await harness.db.collection('contacts').findOne({ _id: memberId as never })).toMatchObject({
      email: newEmail,
      status: 'active',
    });
  });

  it('keeps the newer contact when an older profile event comes late, and mails the newer address', async () => {
    const invitation = harness.invited({ email: harness.address('first.address'), lastName: 'Neumann' });
    const { memberId } = invitation;
    const profileAt = (email: string, time: Date) =>
      newCloudEvent({
        ...harness.event(MemberProfileUpdatedEvent, memberId, {
          memberId,
          changedBy: { subject: memberId, role: 'member' },
          changedFields: ['email'],
          profile: { ...invitation.data.profile, email },
        }),
        time: time.toISOString(),
      });
    const signInToken = newLinkToken();
    await harness.publish(
      harness.event(MemberInvitedEvent, memberId, invitation.data),
      profileAt(harness.address('newer.address'), new Date(Date.now() + 1000)),
      // Replayed from the dead-letter topic, say: older than what the replica holds.
      profileAt(harness.address('older.address'), new Date(Date.now() - 60_000)),
      harness.event(SignInLinkRequestedEvent, memberId, {
        memberId,
        expiresAt: new Date(Date.now() + 15 * 60 * 1000).toISOString(),
        signInToken: harness.seal(signInToken),
      }),
    );

    const [mail] = await harness.waitForMail(harness.address('newer.address'));
    expect(linkIn(mail.text, 'anmelden')).toBe(signInToken);
    expect(await harness.mailTo(harness.address('older.address'))).toEqual([]);
  });

  it('sends one mail for an event that arrives twice', async () => {
    const email = harness.address('twice');
    const invitation = harness.invited({
      email,
      salutation: 'Herr',
      academicTitle: 'Dr.',
      lastName: 'Schulz',
    });
    const event = harness.event(MemberInvitedEvent, invitation.memberId, invitation.data);
    // The same event (same ce_id) produced twice, as a producer retry or a relay crash would.
    await harness.publish(event);
    await harness.publish(event);
    // A later event of the same member, on the same partition: once it shows, both copies are handled.
    const marker = harness.event(MemberProfileUpdatedEvent, invitation.memberId, {
      memberId: invitation.memberId,
      changedBy: { subject: 'staff-test', role: 'staff' },
      changedFields: ['lastName'],
      profile: { ...invitation.data.profile, lastName: 'Schulz-Marker' },
    });
    await harness.publish(marker);
    await eventually(async () =>
      expect(
        await harness.db.collection('contacts').findOne({ _id: invitation.memberId as never }),
      ).toMatchObject({ lastName: 'Schulz-Marker' }),
    );

    const mail = await harness.waitForMail(email, 1);
    expect(mail[0].text).toMatch(/^Sehr geehrter Herr Dr\. Schulz,\n/);
    // Not even a second copy with the same Message-ID reached the server.
    expect(mail[0].deliveries).toBe(1);
    expect((await harness.delivery(`invitation:${event.id}`))?.attempts).toBe(1);
  });

  it('never sends a delivery again that is already sent, even when the event gets past the claim', async () => {
    const email = harness.address('second.line');
    const invitation = harness.invited({ email, salutation: 'Frau', lastName: 'Weber' });
    const event = harness.event(MemberInvitedEvent, invitation.memberId, invitation.data);
    await harness.publish(event);
    await harness.waitForDelivery(`invitation:${event.id}`, 'sent');
    // As if the record of handled events were lost (restored backup): the event is handled again.
    const claims = harness.db.collection<{ _id: string; state: string }>('handled_events');
    const claim = `${EVENT_GROUP}|${event.id}`;
    expect((await claims.deleteOne({ _id: claim })).deletedCount).toBe(1);

    await harness.publish(event);
    await eventually(async () =>
      expect(await claims.findOne({ _id: claim })).toMatchObject({ state: 'done' }),
    );

    const mail = await harness.mailTo(email);
    expect(mail).toHaveLength(1);
    expect(mail[0].text).toMatch(/^Sehr geehrte Frau Weber,\n/);
    expect(mail[0].deliveries).toBe(1);
    expect((await harness.delivery(`invitation:${event.id}`))?.attempts).toBe(1);
  });

  it('fails a refused address at once: no retry, the 550 answer as reason, MailFailed, nothing dead-lettered', async () => {
    const email = harness.address('smtp-reject');
    const invitation = harness.invited({ email });
    const event = harness.event(MemberInvitedEvent, invitation.memberId, invitation.data);
    const deliveryId = `invitation:${event.id}`;

    await harness.publish(event);

    expect(await harness.waitForDelivery(deliveryId, 'failed')).toMatchObject({
      attempts: 1,
      lastError: '550 5.1.1 Mailbox unavailable',
      recipient: email,
    });
    const failed = await eventually(() => {
      const [message] = published(notifications, deliveryId);
      expect(message?.headers.ce_type).toBe(MailFailedEvent.type);
      return dataOf<MailFailed>(message.value);
    });
    expect(failed).toMatchObject({ deliveryId, reason: '550 5.1.1 Mailbox unavailable', attempts: 1 });
    // Time for retries that must not happen, then: still one attempt, nothing in the DLT.
    await sleep(1000);
    expect((await harness.delivery(deliveryId))?.attempts).toBe(1);
    expect(deadLetters.received.filter((message) => message.headers.ce_id === event.id)).toEqual([]);
    expect(await harness.mailTo(email)).toEqual([]);
  });

  it('retries a temporary refusal CONSUMER_MAX_ATTEMPTS times, then fails it, dead-letters the event and goes on', async () => {
    const email = harness.address('smtp-transient');
    const invitation = harness.invited({ email });
    const { memberId } = invitation;
    const event = harness.event(MemberInvitedEvent, memberId, invitation.data);
    const deliveryId = `invitation:${event.id}`;
    // The next events of the same member (same partition): a corrected address, the invitation resent.
    const newEmail = harness.address('corrected');
    const newToken = newLinkToken();
    const resent = harness.event(InvitationResentEvent, memberId, {
      memberId,
      invitationId: memberId,
      resentBy: { subject: 'staff-test', role: 'staff' },
      expiresAt: new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString(),
      invitationToken: harness.seal(newToken),
    });

    await harness.publish(
      event,
      harness.event(MemberProfileUpdatedEvent, memberId, {
        memberId,
        changedBy: { subject: 'staff-test', role: 'staff' },
        changedFields: ['email'],
        profile: { ...invitation.data.profile, email: newEmail },
      }),
      resent,
    );

    expect(await harness.waitForDelivery(deliveryId, 'failed')).toMatchObject({
      attempts: MAX_ATTEMPTS,
      lastError: '451 4.3.0 Temporary failure',
    });
    const deadLetter = await eventually(() => {
      const [message] = deadLetters.received.filter((candidate) => candidate.headers.ce_id === event.id);
      expect(message).toBeDefined();
      return message;
    });
    expect(deadLetter.headers[DLT_HEADERS.reason]).toBe('handler-failed');
    expect(deadLetter.headers[DLT_HEADERS.attempts]).toBe(String(MAX_ATTEMPTS));
    expect(deadLetter.headers[DLT_HEADERS.error]).toContain('451 4.3.0 Temporary failure');
    const failed = await eventually(() => {
      const [message] = published(notifications, deliveryId);
      expect(message?.headers.ce_type).toBe(MailFailedEvent.type);
      return dataOf<MailFailed>(message.value);
    });
    expect(failed).toMatchObject({ reason: '451 4.3.0 Temporary failure', attempts: MAX_ATTEMPTS });

    const [mail] = await harness.waitForMail(newEmail);
    expect(linkIn(mail.text, 'einladung')).toBe(newToken);
    expect(await harness.waitForDelivery(`invitation:${resent.id}`, 'sent')).toMatchObject({ attempts: 1 });
  });

  it('fails an invitation whose link it cannot open (another key), naming the address and the reason', async () => {
    const email = harness.address('other.key');
    const invitation = harness.invited({ email });
    const otherKey = SecretBox.fromBase64Key(randomBytes(32).toString('base64'));
    const event = harness.event(MemberInvitedEvent, invitation.memberId, {
      ...invitation.data,
      invitationToken: otherKey.seal(invitation.token),
    });

    await harness.publish(event);

    expect(await harness.waitForDelivery(`invitation:${event.id}`, 'failed')).toMatchObject({
      recipient: email,
      lastError: expect.stringContaining('Link-Token im Ereignis lässt sich nicht öffnen'),
      // No retry can open it: failed on the first attempt, not after holding up the partition.
      attempts: 1,
    });
    expect(await harness.mailTo(email)).toEqual([]);
  });

  it('retries a sign-in link for a member it has no contact for, then fails it with a clear reason', async () => {
    const memberId = randomUUID();
    const event = harness.event(SignInLinkRequestedEvent, memberId, {
      memberId,
      expiresAt: new Date(Date.now() + 15 * 60 * 1000).toISOString(),
      signInToken: harness.seal(newLinkToken()),
    });

    await harness.publish(event);

    expect(await harness.waitForDelivery(`sign-in-link:${event.id}`, 'failed')).toMatchObject({
      kind: 'sign-in-link',
      recipient: '(unbekannt)',
      lastError: expect.stringContaining(`Zu Mitglied ${memberId} liegen keine Kontaktdaten vor`),
      attempts: MAX_ATTEMPTS,
    });
    const [deadLetter] = await eventually(() => {
      const found = deadLetters.received.filter((message) => message.headers.ce_id === event.id);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(deadLetter.headers[DLT_HEADERS.error]).toContain('keine Kontaktdaten');
  });
});
