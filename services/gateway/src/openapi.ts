import { PROBLEM_JSON } from '@ic/platform';
import { INestApplication, RequestMethod } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export const API_PREFIX = 'api/v1';

/** `/api/v1` for the API, health outside it, OpenAPI at `/api/openapi.json`, the UI at `/api/docs`. */
export function configureGatewayHttp(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
    customSiteTitle: 'Innovators Club API',
  });
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Innovators Club API')
    .setDescription(
      'Die Schnittstelle der Plattform des Innovators Club im Deutschen Städte- und Gemeindebund. ' +
        `Fehler werden als ${PROBLEM_JSON} (RFC 9457) mit Korrelations-ID beantwortet.`,
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}
