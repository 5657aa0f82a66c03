import {
  allEventContracts,
  RegistrationChange,
  RegistrationConfirmedEvent,
  RegistrationWaitlistedEvent,
} from '@ic/contracts';
import { KafkaMessage } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { CheckedEventReader } from './checked-event-reader';
import { CloudEvent, decodeCloudEvent, encodeCloudEvent, newCloudEvent } from './cloud-event';
import { ContractRegistry } from './contract-registry';

const registry = new ContractRegistry(allEventContracts);
const example = RegistrationWaitlistedEvent.example;
const eventId = example.eventId;

/** Another member's registration for the example event, with the event's snapshot unchanged. */
function waitlisted(waitingPlace: number): RegistrationChange {
  const registrationId = randomUUID();
  return {
    ...example,
    registrationId,
    registration: { ...example.registration, registrationId, waitingPlace },
  };
}

function received(
  type: string,
  data: unknown,
  { body, subject = eventId }: { body?: (text: string) => string; subject?: string } = {},
): KafkaMessage {
  const message = encodeCloudEvent(newCloudEvent({ type, source: '/ic/registrations', subject, data }));
  return {
    key: Buffer.from(String(message.key)),
    value: Buffer.from(body ? body(String(message.value)) : String(message.value)),
    headers: Object.fromEntries(
      Object.entries(message.headers).map(([name, value]) => [name, Buffer.from(value)]),
    ),
    timestamp: '0',
    attributes: 0,
    offset: '0',
  };
}

/** What decoding and checking the message whole gives: the event, undefined, or the error. */
function wholeOutcome(message: KafkaMessage): CloudEvent | undefined | Error {
  try {
    const event = decodeCloudEvent(message);
    if (!registry.has(event.type)) return undefined;
    registry.assertValid(event.type, event.data);
    return event;
  } catch (error) {
    return error as Error;
  }
}

function outcome(sut: CheckedEventReader, message: KafkaMessage): CloudEvent | undefined | Error {
  try {
    return sut.read(message);
  } catch (error) {
    return error as Error;
  }
}

/** A reader that has read one valid event of the example event, so it keeps its snapshot. */
function primedReader(): CheckedEventReader {
  const sut = new CheckedEventReader(registry, 'event');
  sut.read(received(RegistrationWaitlistedEvent.type, waitlisted(1)));
  return sut;
}

const snapshotText = JSON.stringify(example.event);

describe(CheckedEventReader.name, () => {
  describe('read', () => {
    it('reads a run of events of one subject as decoding and checking them whole does', () => {
      const sut = new CheckedEventReader(registry, 'event');
      const messages = [1, 2, 3].map((place) =>
        received(RegistrationWaitlistedEvent.type, waitlisted(place)),
      );

      for (const message of messages) expect(sut.read(message)).toEqual(wholeOutcome(message));
    });

    it('parses and checks the repeated snapshot once and gives every event that one frozen value', () => {
      const sut = primedReader();

      const first = sut.read(received(RegistrationWaitlistedEvent.type, waitlisted(2)));
      const second = sut.read(received(RegistrationConfirmedEvent.type, waitlisted(3)));

      const snapshotOf = (event: CloudEvent | undefined) => (event?.data as RegistrationChange).event;
      expect(snapshotOf(second)).toBe(snapshotOf(first));
      expect(Object.isFrozen(snapshotOf(first))).toBe(true);
      expect(Object.isFrozen(snapshotOf(first).registration)).toBe(true);
    });

    it('refuses an event whose snapshot differs from the kept one by one invalid field', () => {
      const sut = primedReader();
      const message = received(RegistrationWaitlistedEvent.type, {
        ...waitlisted(2),
        event: { ...example.event, capacity: -1 },
      });

      const refusal = outcome(sut, message);

      expect(refusal).toEqual(wholeOutcome(message));
      expect(refusal).toMatchObject({
        name: 'ContractViolationError',
        message: expect.stringContaining('/event/capacity'),
      });
    });

    it('refuses an event whose snapshot is the kept one but whose other fields are invalid, with the same errors', () => {
      const sut = primedReader();
      const data = waitlisted(2);
      const message = received(RegistrationWaitlistedEvent.type, {
        ...data,
        revision: 0,
        registration: { ...data.registration, status: 'lost' },
      });

      const refusal = outcome(sut, message);

      expect(refusal).toEqual(wholeOutcome(message));
      expect(refusal).toMatchObject({
        name: 'ContractViolationError',
        message: expect.stringContaining('/revision'),
      });
    });

    it.each<[string, (text: string) => string, string]>([
      [
        'a second "event" after the snapshot',
        (text) => `${text.slice(0, -1)},"event":null}`,
        'ContractViolationError',
      ],
      [
        'a second key spelled with escapes',
        (text) => `${text.slice(0, -1)},"\\u0065vent":null}`,
        'ContractViolationError',
      ],
      [
        'text after the snapshot that makes a number of a stand-in',
        (text) => text.replace(snapshotText, `${snapshotText}e5`),
        'EnvelopeError',
      ],
      ['a body cut short', (text) => text.slice(0, -1), 'EnvelopeError'],
      [
        'the snapshot under another name',
        (text) => text.replace('"event":', '"events":'),
        'ContractViolationError',
      ],
      [
        'the snapshot text inside a string',
        (text) => text.replace(`"event":${snapshotText}`, `"event":${JSON.stringify(snapshotText)}`),
        'ContractViolationError',
      ],
    ])('refuses a body with %s as decoding it whole does', (_, change, refusedWith) => {
      const sut = primedReader();
      const message = received(RegistrationWaitlistedEvent.type, waitlisted(2), { body: change });

      const refusal = outcome(sut, message);

      expect(refusal).toEqual(wholeOutcome(message));
      expect(refusal).toMatchObject({ name: refusedWith });
    });

    it('does not take the kept snapshot for another subject', () => {
      const sut = new CheckedEventReader(registry, 'event');
      const kept = sut.read(received(RegistrationWaitlistedEvent.type, waitlisted(1)));
      const otherEventId = randomUUID();
      const data = waitlisted(2);
      const message = received(
        RegistrationWaitlistedEvent.type,
        { ...data, eventId: otherEventId, registration: { ...data.registration, eventId: otherEventId } },
        { subject: otherEventId },
      );

      const event = sut.read(message);

      expect(event).toEqual(wholeOutcome(message));
      expect((event?.data as RegistrationChange).event).not.toBe((kept?.data as RegistrationChange).event);
    });

    it('passes over an event type the contracts do not know', () => {
      const sut = primedReader();

      expect(sut.read(received('de.dstgb.ic.registrations.SomethingNew.v1', waitlisted(2)))).toBeUndefined();
    });
  });
});
