import { DomainTopics, ServiceName } from '../topics';

/**
 * The services that read a domain topic besides analytics, which reads every domain topic from the
 * beginning. Each reads in a consumer group of its own named after it (`<service>.events`). The
 * AsyncAPI document shows them as receive operations; the stream conformance check after the
 * end-to-end tests fails when a service's group reads a topic not listed for it.
 */
const READERS_BESIDES_ANALYTICS: Readonly<Record<string, readonly ServiceName[]>> = {
  [DomainTopics.membership]: ['events', 'registrations', 'notifications'],
  [DomainTopics.events]: ['registrations', 'notifications'],
  [DomainTopics.registrations]: ['notifications'],
};

export function readersOf(domainTopic: string): ServiceName[] {
  return [...(READERS_BESIDES_ANALYTICS[domainTopic] ?? []), 'analytics'];
}

/** The service that publishes a domain topic. */
export function ownerOf(domainTopic: string): ServiceName {
  const owners = Object.keys(DomainTopics) as (keyof typeof DomainTopics)[];
  const owner = owners.find((service) => DomainTopics[service] === domainTopic);
  if (!owner) throw new Error(`${domainTopic} is not a domain topic of DomainTopics`);
  return owner;
}
