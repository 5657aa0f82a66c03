import {
  CallerIdentity,
  DeadLetterReply,
  DeadLetterState,
  DeadLetterRequests,
  DomainTopics,
  EventAnnouncedEvent,
  RegistrationConfirmedEvent,
  SignInLinkRequestedEvent,
} from '@ic/contracts';
import { encodeCloudEvent, newCloudEvent, redeliveryOf, RpcClient } from '@ic/messaging';
import { newLinkToken, RemoteProblemError } from '@ic/platform';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../../../scripts/lib/platform-runner';
import { runDeadLetterCommand } from '../../../scripts/lib/dead-letters-cli';
import {
  DEAD_LETTER_INDEX_GROUP,
  INDEXED_DEAD_LETTER_TOPICS,
} from '../../../services/notifications/src/dead-letters/dead-letter-index';
import { eventually, sleep } from '../../support/eventually';
import { moveGroupToTopicEnds, testTopic } from '../../support/kafka-probe';
import { NotificationsHarness } from './notifications-harness';
import { changeOf, memberRegistration, openLounge } from './registration-fixtures';

const operator: CallerIdentity = { subject: 'cli:test-operator', roles: ['operations'] };
const officeOnly: CallerIdentity = { subject: 'staff-test', roles: ['staff'] };

/**
 * Dead letters repaired, against Kafka, the database and the SMTP sink: the notifications service
 * gives up on an event (no contact for the member yet), keeps the dead letter, and an operator
 * redelivers it after the fix, once, or discards it; through its request topic, as the gateway and
 * `npm run dlt` ask.
 */
describe('Notifications service: dead letters listed, redelivered once, discarded', () => {
  const harness = new NotificationsHarness({ CONSUMER_MAX_ATTEMPTS: '2' });
  const replyTopic = `ic.test-dead-letters-${harness.suffix}.replies`;
  const client = new RpcClient(harness.kafka, {
    instanceId: `dead-letters-test-${harness.suffix}`,
    replyTopic,
    defaultTimeoutMs: 15_000,
  });
  const cli = async (...argv: string[]) => {
    const lines: string[] = [];
    const code = await runDeadLetterCommand(
      argv,
      client,
      { out: (line) => lines.push(line), err: (line) => lines.push(line) },
      operator,
    );
    return { code, output: lines.join('\n') };
  };

  /** The dead letter of this event once the service has read it from its topic. */
  const deadLetterOf = (eventId: string, state: DeadLetterState = 'open') =>
    eventually(async () => {
      const page = await client.send(DeadLetterRequests.list, { state, limit: 100 }, { identity: operator });
      const found = page.items.filter((letter) => letter.eventId === eventId);
      expect(found).toHaveLength(1);
      return found[0];
    }, 30_000);

  beforeAll(async () => {
    await harness.connect();
    // Dead letters of earlier runs on this broker belong to their databases.
    await eventually(
      () =>
        harness.kafka.withAdmin((admin) =>
          moveGroupToTopicEnds(admin, DEAD_LETTER_INDEX_GROUP, INDEXED_DEAD_LETTER_TOPICS),
        ),
      45_000,
      1000,
    );
    await harness.kafka.ensureTopics([testTopic(replyTopic, 3)]);
    await harness.startService();
    await client.start();
  });

  afterAll(async () => {
    await client.stop();
    await harness.stop();
  });

  it('redelivers a registration event after the fix exactly once: one mail, though two operators click and the message comes twice', async () => {
    const member = harness.activated({ email: harness.address('redelivered') });
    const lounge = openLounge();
    const confirmed = harness.registrationEvent(
      RegistrationConfirmedEvent,
      changeOf(memberRegistration(lounge, member.memberId), lounge),
    );
    await harness.publishRegistrationEvents(confirmed);

    const letter = await deadLetterOf(confirmed.id);
    expect(letter).toMatchObject<Partial<DeadLetterReply>>({
      state: 'open',
      topic: DomainTopics.registrations,
      group: 'notifications.events',
      reason: 'handler-failed',
      redeliverable: true,
      attempts: 2,
      eventType: RegistrationConfirmedEvent.type,
      key: lounge.eventId,
    });
    expect(letter.error).toContain(`Zu Mitglied ${member.memberId} liegen keine Kontaktdaten vor`);
    const figures = await client.send(DeadLetterRequests.figures, {}, { identity: operator });
    expect(figures.openByTopic).toContainEqual({ topic: DomainTopics.registrations, open: 1 });
    await expect(client.send(DeadLetterRequests.list, {}, { identity: officeOnly })).rejects.toMatchObject({
      problem: expect.objectContaining({ status: 403 }),
    });

    // The fix: the member's contact arrives.
    await harness.publish(member.event);
    await eventually(async () =>
      expect(
        await harness.db.collection<{ _id: string }>('contacts').countDocuments({ _id: member.memberId }),
      ).toBe(1),
    );

    const clicks = await Promise.allSettled([
      client.send(DeadLetterRequests.redeliver, { deadLetterId: letter.id }, { identity: operator }),
      client.send(
        DeadLetterRequests.redeliver,
        { deadLetterId: letter.id },
        { identity: { ...operator, subject: 'staff-other' } },
      ),
    ]);
    const [won] = clicks.filter((click) => click.status === 'fulfilled');
    const [lost] = clicks.filter((click) => click.status === 'rejected');
    expect(won.value).toMatchObject({ id: letter.id, state: 'redelivered' });
    expect(lost.reason).toBeInstanceOf(RemoteProblemError);
    expect((lost.reason as RemoteProblemError).problem).toMatchObject({ status: 409 });
    expect((lost.reason as RemoteProblemError).problem.detail).toMatch(/bereits am .* erneut zugestellt/);
    expect((await cli('redeliver', letter.id)).code).toBe(1);

    const [mail] = await harness.waitForMail(member.email, 1);
    expect(mail.subject).toBe(`Anmeldung bestätigt: ${lounge.title}`);

    // The same message once more (as after a crash between send and record): the group's claim holds.
    const shown = await client.send(
      DeadLetterRequests.show,
      { deadLetterId: letter.id },
      { identity: operator },
    );
    await harness.kafka.send(DomainTopics.registrations, [
      redeliveryOf({
        ...shown,
        key: shown.key ?? null,
        value: shown.body === null ? null : Buffer.from(shown.body),
      }),
    ]);
    await sleep(3000);
    expect(await harness.mailTo(member.email)).toHaveLength(1);
    expect(await harness.delivery(`registration-confirmed:${confirmed.data.registrationId}:1`)).toMatchObject(
      {
        status: 'sent',
      },
    );
    const after = await client.send(DeadLetterRequests.figures, {}, { identity: operator });
    expect(after.openByTopic).toContainEqual({ topic: DomainTopics.registrations, open: 0 });
  });

  it('npm run dlt: lists, shows, discards with a note, and will not redeliver what was discarded', async () => {
    const memberId = randomUUID();
    const signIn = harness.event(SignInLinkRequestedEvent, memberId, {
      memberId,
      expiresAt: new Date(Date.now() + 15 * 60 * 1000).toISOString(),
      signInToken: harness.seal(newLinkToken()),
    });
    await harness.publish(signIn);
    const letter = await deadLetterOf(signIn.id);

    const { stdout } = await promisify(execFile)(
      process.execPath,
      [require.resolve('tsx/cli'), 'scripts/dlt.ts', 'list', '--topic', DomainTopics.membership],
      { cwd: REPO_ROOT, env: { ...process.env, KAFKA_BROKERS: harness.infra.kafkaBrokers.join(',') } },
    );
    expect(stdout).toContain(`${letter.id}  open  `);
    expect(stdout).toContain(SignInLinkRequestedEvent.type);
    expect(stdout).toMatch(/\n1 open on ic\.membership\.v1\.\n$/);

    const shown = await cli('show', letter.id);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.output)).toMatchObject({
      id: letter.id,
      group: 'notifications.events',
      headers: expect.objectContaining({ ce_id: signIn.id, ce_type: SignInLinkRequestedEvent.type }),
      body: expect.stringContaining(memberId),
    });

    expect(await cli('discard', letter.id)).toMatchObject({
      code: 2,
      output: expect.stringContaining('--note'),
    });
    expect(await cli('discard', letter.id, '--note', 'Anmeldelink längst abgelaufen')).toEqual({
      code: 0,
      output: `✔ ${letter.id} discarded: Anmeldelink längst abgelaufen`,
    });
    const again = await cli('redeliver', letter.id);
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/verworfen \(Anmeldelink längst abgelaufen\)/);
    expect(await deadLetterOf(signIn.id, 'discarded')).toMatchObject({
      discarded: { by: 'cli:test-operator', note: 'Anmeldelink längst abgelaufen' },
    });
  });

  it('redeliver --all: one that still fails comes back as a new dead letter, the first stays redelivered; one against its contract stays open', async () => {
    // A sign-in link for a member the service has no contact for: it fails on every delivery.
    const memberId = randomUUID();
    const signIn = harness.event(SignInLinkRequestedEvent, memberId, {
      memberId,
      expiresAt: new Date(Date.now() + 15 * 60 * 1000).toISOString(),
      signInToken: harness.seal(newLinkToken()),
    });
    await harness.publish(signIn);
    const first = await deadLetterOf(signIn.id);
    // An announcement without the event's details: refused by its contract, on every delivery.
    const eventId = randomUUID();
    const broken = newCloudEvent({
      type: EventAnnouncedEvent.type,
      source: '/ic/events',
      subject: eventId,
      data: { eventId },
    });
    await harness.kafka.send(DomainTopics.events, [encodeCloudEvent(broken)]);
    const invalid = await deadLetterOf(broken.id);
    expect(invalid).toMatchObject({ reason: 'contract-violation', redeliverable: false });

    expect(await cli('redeliver', '--all', '--topic', DomainTopics.events)).toEqual({
      code: 0,
      output: '0 redelivered.',
    });
    const refused = await cli('redeliver', invalid.id);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('Diese Nachricht kann kein Dienst lesen');
    expect(await deadLetterOf(broken.id)).toMatchObject({ id: invalid.id, state: 'open' });

    const all = await cli('redeliver', '--all', '--topic', DomainTopics.membership);
    expect(all).toEqual({
      code: 0,
      output: `✔ ${first.id} → ${DomainTopics.membership} for notifications.events\n1 redelivered.`,
    });
    const second = await deadLetterOf(signIn.id);
    expect(second.id).not.toBe(first.id);
    expect(second.reason).toBe('handler-failed');
    expect(await deadLetterOf(signIn.id, 'redelivered')).toMatchObject({
      id: first.id,
      redelivered: { by: 'cli:test-operator' },
    });
  });
});
