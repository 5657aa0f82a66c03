import { buildAsyncApiDocument } from '@ic/contracts';
import { platformVersion } from '@ic/platform';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Express } from 'express';
import { stringify } from 'yaml';

/** Beside the OpenAPI document, outside `/api/v1` like it. */
export const ASYNCAPI_ROUTES = { json: '/api/asyncapi.json', yaml: '/api/asyncapi.yaml' } as const;

/**
 * Serves the AsyncAPI document of the platform's Kafka topics, public like the OpenAPI document:
 * outside consumers of the streams read it before they have an account. Built on the first
 * request and kept.
 */
export function serveAsyncApiDocument(app: NestExpressApplication): void {
  let texts: { readonly json: string; readonly yaml: string } | undefined;
  const built = () => {
    if (!texts) {
      const document = buildAsyncApiDocument({ version: platformVersion() });
      // No line folding: long descriptions and $refs stay on one line each. No anchors and aliases
      // for objects the contracts share (an example actor): readers cap them, as the JSON has none.
      texts = {
        json: JSON.stringify(document, null, 2),
        yaml: stringify(document, { lineWidth: 0, aliasDuplicateObjects: false }),
      };
    }
    return texts;
  };
  const http: Express = app.getHttpAdapter().getInstance();
  http.get(ASYNCAPI_ROUTES.json, (_request, response) => {
    response.type('application/json').send(built().json);
  });
  http.get(ASYNCAPI_ROUTES.yaml, (_request, response) => {
    response.type('application/yaml').send(built().yaml);
  });
}
