import { buildAsyncApiDocument, DomainTopics, MemberActivatedEvent, MailSentEvent } from '@ic/contracts';
import { encodeCloudEvent, newCloudEvent } from '@ic/messaging';
import { domainTopicNames, RawMessage, StreamConformance } from '../conformance/stream-conformance';

describe(StreamConformance.name, () => {
  const sut = new StreamConformance(buildAsyncApiDocument({ version: 'test' }), domainTopicNames());
  const { memberId } = MemberActivatedEvent.example;

  /** A MemberActivated event as the membership service's outbox relay puts it on the topic. */
  function published(
    edit: (message: { key: string; value: string; headers: Record<string, string> }) => void = () => {},
  ) {
    const encoded = encodeCloudEvent(
      newCloudEvent({
        type: MemberActivatedEvent.type,
        source: '/ic/membership',
        subject: memberId,
        data: MemberActivatedEvent.example,
        correlationId: 'req-1',
      }),
    );
    const message = { key: memberId, value: encoded.value as string, headers: { ...encoded.headers } };
    edit(message);
    return {
      topic: DomainTopics.membership,
      partition: 0,
      offset: '7',
      key: Buffer.from(message.key),
      value: Buffer.from(message.value),
      headers: Object.fromEntries(
        Object.entries(message.headers).map(([name, value]) => [name, Buffer.from(value)]),
      ),
    } satisfies RawMessage;
  }

  it('reads the domain topics from the document', () => {
    expect(sut.eventTopics.sort()).toEqual(Object.values(DomainTopics).sort());
  });

  it('passes an event as the services publish it', () => {
    expect(sut.problemsOf(published())).toEqual([]);
  });

  it.each<[string, Parameters<typeof published>[0], string]>([
    [
      'data that breaks the schema',
      (m) => (m.value = JSON.stringify({ memberId })),
      "value must have required property 'invitationId'",
    ],
    ['a body that is not JSON', (m) => (m.value = '{'), 'value is not JSON'],
    ['a missing ce_time', (m) => delete m.headers.ce_time, "headers must have required property 'ce_time'"],
    [
      'another specversion',
      (m) => (m.headers.ce_specversion = '0.3'),
      'headers/ce_specversion must be equal to constant',
    ],
    [
      'a ce_time that is no time',
      (m) => (m.headers.ce_time = 'gestern'),
      'headers/ce_time must match format "date-time"',
    ],
    [
      'another source',
      (m) => (m.headers.ce_source = '/ic/events'),
      'headers/ce_source must be equal to constant',
    ],
    [
      'a key other than ce_subject',
      (m) => (m.key = 'someone-else'),
      `key someone-else is not ce_subject ${memberId}`,
    ],
    [
      'a type of another topic',
      (m) => (m.headers.ce_type = MailSentEvent.type),
      `ce_type ${MailSentEvent.type} is not a message of ic.membership.v1`,
    ],
  ])('names %s', (_name, edit, problem) => {
    expect(sut.problemsOf(published(edit))).toContain(problem);
  });

  it('names a header that appears twice', () => {
    const message = published();
    const twice = {
      ...message,
      headers: { ...message.headers, ce_id: [Buffer.from('a'), Buffer.from('b')] },
    };

    expect(sut.problemsOf(twice)).toContain('header ce_id appears 2 times');
  });
});
