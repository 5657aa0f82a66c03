import { DomainTopics, ServiceName } from '../topics';

/**
 * The services that read a domain topic besides analytics, which reads every domain topic from the
 * beginning. Each reads in a consumer group of its own named after it (`<service>.events`); each
 * gateway instance in one of its own (`gateway.sessions.<instance>`). The AsyncAPI document shows
 * them as receive operations; the stream conformance check after the end-to-end tests fails when a
 * service's group reads a topic not listed for it.
 */
const READERS_BESIDES_ANALYTICS: Readonly<Record<string, readonly ServiceName[]>> = {
  [DomainTopics.membership]: ['events', 'registrations', 'notifications', 'gateway'],
  [DomainTopics.events]: ['registrations', 'notifications'],
  [DomainTopics.registrations]: ['notifications'],
};

/**
 * Readers that put nothing on the dead-letter topic: the gateway acts only on the events that end
 * sessions, and one it cannot read ends none (the services' own readers dead-letter it).
 */
const READERS_WITHOUT_DEAD_LETTERS: readonly ServiceName[] = ['gateway'];

export function readersOf(domainTopic: string): ServiceName[] {
  return [...(READERS_BESIDES_ANALYTICS[domainTopic] ?? []), 'analytics'];
}

/** The readers of a domain topic that put what they cannot handle on its dead-letter topic. */
export function deadLetterSendersOf(domainTopic: string): ServiceName[] {
  return readersOf(domainTopic).filter((reader) => !READERS_WITHOUT_DEAD_LETTERS.includes(reader));
}

/** The service that publishes a domain topic. */
export function ownerOf(domainTopic: string): ServiceName {
  const owners = Object.keys(DomainTopics) as (keyof typeof DomainTopics)[];
  const owner = owners.find((service) => DomainTopics[service] === domainTopic);
  if (!owner) throw new Error(`${domainTopic} is not a domain topic of DomainTopics`);
  return owner;
}
