import { allEventContracts, buildAsyncApiDocument } from '@ic/contracts';
import { platformVersion } from '@ic/platform';
import { parse } from 'yaml';
import { buildOpenApiDocument } from '../openapi';
import { GatewayTestApp, startGatewayTestApp } from '../testing/gateway-test-app';
import { ASYNCAPI_ROUTES } from './asyncapi-docs';

describe('AsyncAPI document at the gateway', () => {
  let sut: GatewayTestApp;

  beforeAll(async () => {
    sut = await startGatewayTestApp();
  });

  afterAll(() => sut.close());

  it('serves the document of the streams as JSON without a token', async () => {
    const response = await sut.request(ASYNCAPI_ROUTES.json);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.json).toEqual(buildAsyncApiDocument({ version: platformVersion() }));
    const document = response.json as { components: { messages: Record<string, unknown> } };
    for (const contract of allEventContracts)
      expect(document.components.messages).toHaveProperty([contract.type]);
  });

  it('serves the same document as YAML', async () => {
    const [json, yaml] = await Promise.all([
      sut.request(ASYNCAPI_ROUTES.json),
      sut.request(ASYNCAPI_ROUTES.yaml),
    ]);

    expect(yaml.status).toBe(200);
    expect(yaml.headers.get('content-type')).toMatch(/^application\/yaml/);
    expect(parse(yaml.text)).toEqual(json.json);
  });

  it('is linked from the OpenAPI document that /api/docs shows', () => {
    const openApi = buildOpenApiDocument(sut.app);

    expect(openApi.externalDocs).toEqual({ description: expect.any(String), url: ASYNCAPI_ROUTES.yaml });
    expect(openApi.info.description).toContain(`](${ASYNCAPI_ROUTES.json})`);
  });
});
