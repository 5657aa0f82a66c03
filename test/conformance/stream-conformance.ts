import { AsyncApiDocument, platformTopicCatalog } from '@ic/contracts';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { IHeaders } from 'kafkajs';

/** A message as it lies on a topic, before anything of ours has decoded it. */
export interface RawMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers?: IHeaders;
}

interface PublishedMessage {
  readonly headers: ValidateFunction;
  readonly payload: ValidateFunction;
}

const CE_TYPE = 'ce_type';
const CE_SUBJECT = 'ce_subject';

/**
 * Checks messages against the published AsyncAPI document the way an outside consumer would:
 * with a plain JSON Schema validator (ajv, draft-07 as the document declares), not with the
 * services' ContractRegistry. A message conforms when its `ce_type` names a message of its topic's
 * channel, its headers satisfy that message's header schema, its key equals `ce_subject`, and its
 * value is JSON that satisfies the payload schema.
 */
export class StreamConformance {
  private readonly channels = new Map<string, Map<string, PublishedMessage>>();

  /** `domainTopics`: the topics of CloudEvents, also those with no event type published yet. */
  constructor(document: AsyncApiDocument, domainTopics: readonly string[]) {
    const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
    const channelOf = new Map(Object.values(document.channels).map((channel) => [channel.address, channel]));
    for (const topic of domainTopics) {
      const byType = new Map<string, PublishedMessage>();
      for (const { $ref } of Object.values(channelOf.get(topic)?.messages ?? {})) {
        const message = document.components.messages[$ref.replace('#/components/messages/', '')];
        const headers = message.headers.properties as Record<string, { const?: string }>;
        byType.set(headers[CE_TYPE].const as string, {
          headers: ajv.compile(message.headers),
          payload: ajv.compile(message.payload.schema),
        });
      }
      this.channels.set(topic, byType);
    }
  }

  /** The domain topics. */
  get eventTopics(): string[] {
    return [...this.channels.keys()];
  }

  /** What is wrong with the message; empty when it conforms. */
  problemsOf(message: RawMessage): string[] {
    const published = this.channels.get(message.topic);
    if (!published) return [`${message.topic} is not a topic of CloudEvents in the AsyncAPI document`];
    const { headers, problems } = textHeaders(message.headers);
    const type = headers[CE_TYPE];
    const expected = type === undefined ? undefined : published.get(type);
    if (!expected)
      return [...problems, `ce_type ${type ?? '(missing)'} is not a message of ${message.topic}`];
    if (!expected.headers(headers)) problems.push(...describe('headers', expected.headers));
    const key = message.key?.toString('utf8');
    if (key !== headers[CE_SUBJECT])
      problems.push(`key ${key ?? '(none)'} is not ce_subject ${headers[CE_SUBJECT]}`);
    let data: unknown;
    try {
      data = JSON.parse(message.value?.toString('utf8') ?? '');
    } catch {
      return [...problems, 'value is not JSON'];
    }
    if (!expected.payload(data)) problems.push(...describe('value', expected.payload));
    return problems;
  }
}

/** Kafka header values are bytes and may repeat; a CloudEvents attribute is one UTF-8 string. */
function textHeaders(raw: IHeaders | undefined): { headers: Record<string, string>; problems: string[] } {
  const headers: Record<string, string> = {};
  const problems: string[] = [];
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (value === undefined) continue;
    const values = [value].flat();
    if (values.length > 1) problems.push(`header ${name} appears ${values.length} times`);
    headers[name] = values[0].toString();
  }
  return { headers, problems };
}

function describe(part: string, validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((error) =>
    `${part}${error.instancePath || ''} ${error.message ?? ''}`.trim(),
  );
}

export function domainTopicNames(): string[] {
  return platformTopicCatalog()
    .filter((topic) => topic.kind === 'domain')
    .map((topic) => topic.name);
}
