import { EventContract } from '../events/event-contract';
import { JsonSchema } from '../schema';
import {
  compareWithSnapshot,
  eventSchemaSnapshotOf,
  explainBreakingChanges,
  nextVersionOf,
} from './event-schema-snapshot';
import { breakingChanges } from './schema-compatibility';

/** A small published schema in the shape of our contracts: a closed object with a nested one. */
const published: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  additionalProperties: false,
  required: ['memberId', 'kind', 'profile'],
  properties: {
    memberId: { type: 'string', format: 'uuid' },
    kind: { enum: ['invitation', 'sign-in-link'] },
    note: { type: 'string', maxLength: 200 },
    tags: { type: 'array', maxItems: 5, items: { type: 'string', minLength: 1 } },
    context: { type: 'object' },
    profile: {
      type: 'object',
      additionalProperties: false,
      required: ['lastName'],
      properties: { lastName: { type: 'string', minLength: 1, maxLength: 80 }, phone: { type: 'string' } },
    },
  },
};

/** A schema to edit in a test: its keywords, with the ones the edits reach into typed. */
interface Editable {
  [keyword: string]: unknown;
  required?: string[];
  properties?: Record<string, Editable>;
  enum?: unknown[];
  items?: Editable;
}
type Edit = (schema: Editable) => void;

/** The published schema with one change made to a copy. */
function changed(edit: Edit): JsonSchema {
  const copy = structuredClone(published) as Editable;
  edit(copy);
  return copy;
}

describe(breakingChanges.name, () => {
  it('finds nothing when the schema is the same', () => {
    expect(breakingChanges(published, structuredClone(published))).toEqual([]);
  });

  it.each<[string, Edit]>([
    ['a new optional field', (s) => (s.properties!.organisation = { type: 'string' })],
    [
      'a new optional field in a nested object',
      (s) => (s.properties!.profile.properties!.title = { type: 'string' }),
    ],
    ['a new enum value', (s) => s.properties!.kind.enum!.push('announcement')],
    ['a looser limit', (s) => (s.properties!.note.maxLength = 400)],
    ['a limit dropped', (s) => delete s.properties!.tags.maxItems],
    ['a format dropped', (s) => delete s.properties!.memberId.format],
    ['new words', (s) => (s.properties!.note.description = 'Ein Hinweis.')],
  ])('accepts %s', (_name, edit) => {
    expect(breakingChanges(published, changed(edit))).toEqual([]);
  });

  it.each<[string, Edit, { path: string; change: string }]>([
    ['removing a field', (s) => delete s.properties!.note, { path: '/note', change: 'field removed' }],
    [
      'removing a required field',
      (s) => {
        delete s.properties!.kind;
        s.required = ['memberId', 'profile'];
      },
      { path: '/kind', change: 'field removed' },
    ],
    [
      'changing a type',
      (s) => (s.properties!.note = { type: 'integer' }),
      { path: '/note', change: 'type changed from string to integer' },
    ],
    [
      'changing a nested type',
      (s) => (s.properties!.profile.properties!.phone.type = ['string', 'null']),
      { path: '/profile/phone', change: 'type changed from string to null|string' },
    ],
    [
      'adding a required field',
      (s) => {
        s.properties!.joinedAt = { type: 'string' };
        s.required!.push('joinedAt');
      },
      { path: '/joinedAt', change: 'new required field' },
    ],
    [
      'requiring an optional field',
      (s) => s.required!.push('note'),
      { path: '/note', change: 'now required' },
    ],
    [
      'no longer requiring a field',
      (s) => (s.required = ['memberId', 'kind']),
      { path: '/profile', change: 'no longer required' },
    ],
    [
      'narrowing an enum',
      (s) => (s.properties!.kind.enum = ['invitation']),
      { path: '/kind', change: 'enum narrowed: "sign-in-link" removed' },
    ],
    [
      'adding an enum',
      (s) => (s.properties!.note.enum = ['a', 'b']),
      { path: '/note', change: 'enum added' },
    ],
    [
      'tightening a maximum length',
      (s) => (s.properties!.profile.properties!.lastName.maxLength = 40),
      { path: '/profile/lastName', change: 'maxLength tightened from 80 to 40' },
    ],
    [
      'tightening a minimum length in array items',
      (s) => (s.properties!.tags.items!.minLength = 3),
      { path: '/tags/items', change: 'minLength tightened from 1 to 3' },
    ],
    [
      'adding a limit',
      (s) => (s.properties!.profile.properties!.phone.maxLength = 20),
      { path: '/profile/phone', change: 'maxLength 20 added' },
    ],
    [
      'adding a pattern',
      (s) => (s.properties!.note.pattern = '^[A-Z]'),
      { path: '/note', change: 'pattern "^[A-Z]" added' },
    ],
    [
      'changing a format',
      (s) => (s.properties!.memberId.format = 'email'),
      { path: '/memberId', change: 'format changed from "uuid" to "email"' },
    ],
    [
      'requiring unique items',
      (s) => (s.properties!.tags.uniqueItems = true),
      { path: '/tags', change: 'uniqueItems now required' },
    ],
    [
      'closing an open object',
      (s) => (s.properties!.context.additionalProperties = false),
      { path: '/context', change: 'additional properties now refused' },
    ],
    [
      'a keyword the check does not know',
      (s) => (s.properties!.note.not = { const: '' }),
      { path: '/note', change: 'not changed (this check cannot tell whether that is compatible)' },
    ],
  ])('refuses %s', (_name, edit, expected) => {
    expect(breakingChanges(published, changed(edit))).toContainEqual(expected);
  });
});

describe(compareWithSnapshot.name, () => {
  /** A contract as published: the snapshot compares the schemas' JSON. */
  const contract = (type: string, schema: JsonSchema): EventContract<unknown> => ({
    type,
    topic: 'ic.test.v1',
    description: 'Zum Testen.',
    schema,
    example: {},
  });
  const snapshot = eventSchemaSnapshotOf([contract('de.dstgb.ic.test.ThingHappened.v1', published)]);

  it('passes a new type and a new optional field, and names them', () => {
    const comparison = compareWithSnapshot(snapshot, [
      contract(
        'de.dstgb.ic.test.ThingHappened.v1',
        changed((s) => (s.properties!.extra = { type: 'string' })),
      ),
      contract('de.dstgb.ic.test.OtherThingHappened.v1', published),
    ]);

    expect(comparison).toEqual({
      breaking: [],
      added: ['de.dstgb.ic.test.OtherThingHappened.v1'],
      grown: ['de.dstgb.ic.test.ThingHappened.v1'],
    });
    expect(explainBreakingChanges(comparison)).toEqual([]);
  });

  it('fails a removed field, saying that a breaking change needs a new version of the type', () => {
    const comparison = compareWithSnapshot(snapshot, [
      contract(
        'de.dstgb.ic.test.ThingHappened.v1',
        changed((s) => delete s.properties!.note),
      ),
    ]);

    expect(explainBreakingChanges(comparison)).toEqual([
      'de.dstgb.ic.test.ThingHappened.v1 is published and this change breaks its readers (/note: field removed). ' +
        'A breaking change needs a new version of the type: keep de.dstgb.ic.test.ThingHappened.v1 as it is and ' +
        'add de.dstgb.ic.test.ThingHappened.v2 with the new schema.',
    ]);
  });

  it('fails a removed event type', () => {
    const comparison = compareWithSnapshot(snapshot, [
      contract('de.dstgb.ic.test.ThingHappened.v2', published),
    ]);

    expect(comparison.breaking).toEqual([
      { type: 'de.dstgb.ic.test.ThingHappened.v1', changes: [{ path: '/', change: 'event type removed' }] },
    ]);
    expect(comparison.added).toEqual(['de.dstgb.ic.test.ThingHappened.v2']);
  });
});

describe(nextVersionOf.name, () => {
  it('counts the version up', () => {
    expect(nextVersionOf('de.dstgb.ic.events.EventAnnounced.v1')).toBe(
      'de.dstgb.ic.events.EventAnnounced.v2',
    );
    expect(nextVersionOf('de.dstgb.ic.events.EventAnnounced.v9')).toBe(
      'de.dstgb.ic.events.EventAnnounced.v10',
    );
  });
});
