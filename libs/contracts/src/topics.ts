/**
 * The topic catalog: every Kafka topic the platform uses, with its partition count and retention.
 * Topics are created explicitly from this list (automatic topic creation is off on the broker).
 */
export type TopicKind = 'domain' | 'request' | 'reply' | 'dead-letter';

export interface TopicSpec {
  readonly name: string;
  readonly kind: TopicKind;
  readonly partitions: number;
  /** Kafka topic-level configs, e.g. retention. */
  readonly config: Readonly<Record<string, string>>;
}

/** Domain events are kept forever: analytics and outside consumers replay them from the beginning. */
const KEEP_FOREVER = { 'retention.ms': '-1', 'retention.bytes': '-1', 'cleanup.policy': 'delete' } as const;
/** Requests and replies are only useful for seconds; one hour leaves room for debugging. */
const SHORT_LIVED = { 'retention.ms': String(60 * 60 * 1000), 'cleanup.policy': 'delete' } as const;

export const DOMAIN_TOPIC_PARTITIONS = 6;
export const REQUEST_TOPIC_PARTITIONS = 6;

export const ServiceNames = [
  'gateway',
  'membership',
  'events',
  'registrations',
  'notifications',
  'analytics',
] as const;
export type ServiceName = (typeof ServiceNames)[number];

/** Services that answer requests from the gateway. */
export const RequestHandlingServices = [
  'membership',
  'events',
  'registrations',
  'notifications',
  'analytics',
] as const satisfies readonly ServiceName[];
export type RequestHandlingService = (typeof RequestHandlingServices)[number];

/** Domain topics: one per owning service, versioned in the name, keyed by aggregate id. */
export const DomainTopics = {
  membership: 'ic.membership.v1',
  events: 'ic.events.v1',
  registrations: 'ic.registrations.v1',
  notifications: 'ic.notifications.v1',
} as const;
export type DomainTopic = (typeof DomainTopics)[keyof typeof DomainTopics];

export function requestTopicOf(service: RequestHandlingService): string {
  return `ic.${service}.requests`;
}

export const GATEWAY_REPLY_TOPIC = 'ic.gateway.replies';

export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlt`;
}

export function domainTopicSpec(name: string): TopicSpec {
  return { name, kind: 'domain', partitions: DOMAIN_TOPIC_PARTITIONS, config: KEEP_FOREVER };
}

export function deadLetterTopicSpec(sourceTopic: string): TopicSpec {
  return { name: deadLetterTopicOf(sourceTopic), kind: 'dead-letter', partitions: 1, config: KEEP_FOREVER };
}

export function requestTopicSpec(name: string): TopicSpec {
  return { name, kind: 'request', partitions: REQUEST_TOPIC_PARTITIONS, config: SHORT_LIVED };
}

export function replyTopicSpec(name: string): TopicSpec {
  return { name, kind: 'reply', partitions: REQUEST_TOPIC_PARTITIONS, config: SHORT_LIVED };
}

/** Every topic the platform needs; created on infrastructure start and ensured by each service at boot. */
export function platformTopicCatalog(): TopicSpec[] {
  const domain = Object.values(DomainTopics);
  const requests = RequestHandlingServices.map(requestTopicOf);
  return [
    ...domain.map(domainTopicSpec),
    ...domain.map(deadLetterTopicSpec),
    ...requests.map(requestTopicSpec),
    ...requests.map(deadLetterTopicSpec),
    replyTopicSpec(GATEWAY_REPLY_TOPIC),
  ];
}
