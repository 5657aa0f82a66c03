import { Diagnostic, DiagnosticSeverity, Parser } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { allEventContracts, definedRequestPatterns, platformTopicCatalog } from '../index';
import { buildAsyncApiDocument } from './asyncapi-document';
import { AsyncApiDocument } from './asyncapi-types';

describe(buildAsyncApiDocument.name, () => {
  const sut = buildAsyncApiDocument({ version: '1.2.3' });
  let diagnostics: Diagnostic[];

  beforeAll(async () => {
    ({ diagnostics } = await new Parser().parse(JSON.stringify(sut)));
  });

  const bySeverity = (severity: DiagnosticSeverity) =>
    diagnostics
      // The parser's Diagnostic types its severity with its own copy of the enum.
      .filter((diagnostic) => Number(diagnostic.severity) === Number(severity))
      .map(describeDiagnostic);

  it('is a valid AsyncAPI 3.0 document for the official parser', () => {
    expect(bySeverity(DiagnosticSeverity.Error)).toEqual([]);
  });

  it('draws no warning from the parser', () => {
    expect(bySeverity(DiagnosticSeverity.Warning)).toEqual([]);
  });

  it('has its payload schemas checked by the parser (draft-07; a 2020-12 schema it would skip)', async () => {
    const [type] = allEventContracts.map((contract) => contract.type);
    const message = sut.components.messages[type];
    const { schema } = message.payload;
    const misspelt = { misspelt: { type: 'strin' } };
    const broken: AsyncApiDocument = {
      ...sut,
      components: {
        messages: {
          ...sut.components.messages,
          [type]: {
            ...message,
            payload: {
              ...message.payload,
              schema: { ...schema, properties: Object.assign({}, schema.properties, misspelt) },
            },
          },
        },
      },
    };

    const { document, diagnostics } = await new Parser().parse(JSON.stringify(broken));

    expect(document).toBeUndefined();
    expect(diagnostics.map((diagnostic) => diagnostic.path.join('.'))).toContain(
      `components.messages.${type}.payload.schema.properties.misspelt.type`,
    );
  });

  it('has a channel for every topic of the catalog, with its partitions and retention', () => {
    const catalog = platformTopicCatalog();
    expect(
      Object.values(sut.channels)
        .map((channel) => channel.address)
        .sort(),
    ).toEqual(catalog.map((topic) => topic.name).sort());
    const membership = sut.channels['ic.membership.v1'];
    expect(membership.bindings.kafka).toMatchObject({
      partitions: 6,
      topicConfiguration: { 'retention.ms': -1, 'cleanup.policy': ['delete'] },
    });
    expect(membership.description).toContain('ic.membership.v1.dlt');
  });

  it.each(allEventContracts.map((contract) => [contract.type, contract]))(
    '%s: a message on its topic with its schema, its ce_type and an example that satisfies both',
    (type, contract) => {
      const message = messageOn(sut, contract.topic, type);
      expect(message.headers).toMatchObject({ properties: { ce_type: { const: type } } });
      const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
      const [example] = message.examples ?? [];
      expect(validationErrors(ajv, message.payload.schema, example.payload)).toEqual([]);
      expect(validationErrors(ajv, message.headers, example.headers)).toEqual([]);
      expect(example.payload).toEqual(contract.example);
    },
  );

  it('names who publishes and who reads each domain topic', () => {
    expect(sut.operations['membership.sends.ic.membership.v1']).toMatchObject({ action: 'send' });
    expect(sut.operations['analytics.receives.ic.notifications.v1']).toMatchObject({ action: 'receive' });
    expect(sut.operations['notifications.receives.ic.membership.v1'].messages).toHaveLength(
      allEventContracts.filter((contract) => contract.topic === 'ic.membership.v1').length,
    );
  });

  it('describes every request pattern on its request topic, with the reply on the gateway’s reply topic', () => {
    const patterns = definedRequestPatterns();
    expect(patterns.length).toBeGreaterThan(0);
    for (const pattern of patterns) {
      expect(sut.channels[pattern.topic].messages).toHaveProperty([`request.${pattern.name}`]);
    }
    expect(sut.operations['gateway.sends.ic.membership.requests'].reply).toMatchObject({
      channel: { $ref: '#/channels/ic.gateway.replies' },
      address: { location: '$message.header#/ic_reply_topic' },
    });
  });

  it('names no host but the local default of its server variable', () => {
    expect(sut.servers).toEqual({
      kafka: expect.objectContaining({ host: '{broker}', protocol: 'kafka' }),
    });
  });
});

function messageOn(document: AsyncApiDocument, topic: string, id: string) {
  const reference = document.channels[topic].messages[id];
  expect(reference).toEqual({ $ref: `#/components/messages/${id}` });
  return document.components.messages[id];
}

function validationErrors(ajv: Ajv, schema: object, data: unknown): string[] {
  const validate = ajv.compile(schema);
  validate(data);
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

function describeDiagnostic(diagnostic: Diagnostic): string {
  return `${diagnostic.code}: ${diagnostic.message} at ${diagnostic.path.join('.')}`;
}
