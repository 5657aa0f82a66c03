import { KafkaMessage } from 'kafkajs';
import { CloudEvent, decodeCloudEvent, parseJsonBody } from './cloud-event';
import { ContractRegistry } from './contract-registry';

/** Subjects whose last shared part is kept (then it starts afresh): a few MB of snapshots. */
const REMEMBERED_SUBJECTS = 1_024;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
/** Stands in for the shared part while the rest is parsed: a literal no neighbouring text extends. */
const PLACEHOLDER = 'null';

interface SharedPart {
  /** Its exact JSON text as it stands in the bodies. */
  readonly text: Buffer;
  /** Its value, frozen: every event whose body carries the text gets this one object. */
  readonly value: object;
  /** The JSON text of the schema it was checked against as a property of an event's data. */
  readonly schemaText: string;
}

/**
 * Decodes CloudEvents and checks their data against the contracts, with the outcome of
 * decodeCloudEvent followed by ContractRegistry.assertValid, for a stream that reads one aggregate's
 * events in a row: every registrations event of a club event carries the same snapshot of it (about
 * 1.5 kB of 2.3), and parsing and checking it again and again was most of a replay's work.
 *
 * So the reader keeps, per subject, the text and checked value of the last event's `sharedProperty`.
 * When the next body holds that exact text as the value of its top-level `sharedProperty`, only the
 * rest is parsed and checked (the contract must split there, see ContractRegistry.checkApartFrom)
 * and the event gets the kept value. Every other event, and every one whose rest does not pass, is
 * decoded and checked whole, so a malformed event fails with the same error as before.
 *
 * The body's text is `A + S + C`, with S the kept text. The reader parses `A + null + C` only when
 * A ends in the quoted name and a colon (`"event":`), that is the only quoted name in A and C, and
 * neither holds a backslash (so no other key can spell the name with escapes): then that key is the
 * top-level one exactly when the parsed rest has it as null, and since S is a whole JSON object, the
 * body parses to the rest with S's value in its place.
 */
export class CheckedEventReader {
  private readonly quotedName: Buffer;
  private readonly lastShared = new Map<string, SharedPart>();

  constructor(
    private readonly registry: ContractRegistry,
    private readonly sharedProperty: string,
  ) {
    this.quotedName = Buffer.from(JSON.stringify(sharedProperty));
  }

  /**
   * The event, checked against its contract; undefined for a type the contracts do not know (a
   * newer one). Throws the EnvelopeError or ContractViolationError that decoding and checking it
   * whole throws.
   */
  read(message: KafkaMessage): CloudEvent | undefined {
    let checked = false;
    const event = decodeCloudEvent(message, (body, { type, subject }) => {
      const data = type === undefined ? undefined : this.withSharedPart(type, subject, body);
      if (data === undefined) return parseJsonBody(body);
      checked = true;
      return data;
    });
    if (checked) return event;
    if (!this.registry.has(event.type)) return undefined;
    this.registry.assertValid(event.type, event.data);
    this.remember(event, message.value as Buffer);
    return event;
  }

  /** The checked data, if the body carries the subject's last shared part and the rest passes; else undefined. */
  private withSharedPart(type: string, subject: string, body: Buffer): object | undefined {
    const shared = this.lastShared.get(subject);
    if (!shared || !this.registry.has(type)) return undefined;
    if (this.registry.propertySchemaText(type, this.sharedProperty) !== shared.schemaText) return undefined;
    const checkRest = this.registry.checkApartFrom(type, this.sharedProperty);
    const start = checkRest && this.startOf(shared.text, body);
    if (!checkRest || start === undefined) return undefined;
    let rest: unknown;
    try {
      rest = JSON.parse(
        body.toString('utf8', 0, start) + PLACEHOLDER + body.toString('utf8', start + shared.text.length),
      );
    } catch {
      return undefined;
    }
    if (typeof rest !== 'object' || rest === null || Array.isArray(rest)) return undefined;
    const fields = rest as Record<string, unknown>;
    if (fields[this.sharedProperty] !== null || !checkRest(rest)) return undefined;
    fields[this.sharedProperty] = shared.value;
    return rest;
  }

  /** Where `text` stands in the body as the value of the one quoted name (see the class), if it does. */
  private startOf(text: Buffer, body: Buffer): number | undefined {
    const name = body.indexOf(this.quotedName);
    if (name === -1) return undefined;
    const start = name + this.quotedName.length + 1;
    const end = start + text.length;
    if (body[start - 1] !== COLON || end > body.length || text.compare(body, start, end) !== 0)
      return undefined;
    if (body.indexOf(this.quotedName, end) !== -1) return undefined;
    const backslash = body.indexOf(BACKSLASH);
    if (backslash !== -1 && (backslash < start || body.indexOf(BACKSLASH, end) !== -1)) return undefined;
    return start;
  }

  /** Keeps the shared part of an event checked whole, if its text can be found again in the next bodies. */
  private remember(event: CloudEvent, body: Buffer): void {
    const value = (event.data as Record<string, unknown>)[this.sharedProperty];
    const schemaText = this.registry.propertySchemaText(event.type, this.sharedProperty);
    if (typeof value !== 'object' || value === null || schemaText === undefined) return;
    if (!this.registry.checkApartFrom(event.type, this.sharedProperty)) return;
    // The value's own text equals the body's only when the producer wrote it as JSON.stringify does.
    const text = Buffer.from(JSON.stringify(value));
    if (this.startOf(text, body) === undefined) return;
    if (this.lastShared.size >= REMEMBERED_SUBJECTS) this.lastShared.clear();
    this.lastShared.set(event.subject, { text, value: deepFreeze(value), schemaText });
  }
}

/** Freezes the value and everything in it: it is shared by many events, and none may change it for the others. */
function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value))
    if (typeof inner === 'object' && inner !== null) deepFreeze(inner);
  return Object.freeze(value);
}
