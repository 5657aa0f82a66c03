import { PROBLEM_JSON } from '@ic/platform';
import { INestApplication, RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { COOKIE_SECURITY } from './auth/auth.decorators';
import { BrowserSessionCookie } from './auth/browser-session-cookie';
import { addReplySchemas } from './http/api-replies';
import { ASYNCAPI_ROUTES, serveAsyncApiDocument } from './http/asyncapi-docs';
import { installBodyParsers } from './http/body-parsers';
import { installMethodNotAllowed } from './http/method-not-allowed';
import { installSecurityHeaders } from './http/security-headers';
import {
  documentOptionalBodies,
  documentRequestQueries,
  documentRequestSchemas,
} from './http/request-schemas-in-openapi';
import { PAGE_CONTENT_SECURITY_POLICY } from './pages/html';
import { LINK_PAGE_ROUTES, LINK_PAGES_PATH } from './pages/link-pages.controller';

export const API_PREFIX = 'api/v1';
const API_DOCS_PATH = 'api/docs';

/**
 * `/api/v1` for the API; health and the unsubscribe page behind the link in announcements
 * (`/abmelden/…`) outside it; OpenAPI at `/api/openapi.json`, the UI at `/api/docs`, the AsyncAPI
 * document of the Kafka topics at `/api/asyncapi.yaml` and `.json`. Both documents are built on their
 * first request, not at start: building them kept the young generation of every gateway grown by
 * tens of megabytes for documents that a developer opens now and then.
 */
export function configureGatewayHttp(app: INestApplication): void {
  // The gateway runs on @nestjs/platform-express (see bootstrapService).
  const express = app as NestExpressApplication;
  installSecurityHeaders(express, {
    api: `/${API_PREFIX}`,
    docs: `/${API_DOCS_PATH}`,
    pages: { path: `/${LINK_PAGES_PATH}`, contentSecurityPolicy: PAGE_CONTENT_SECURITY_POLICY },
  });
  installMethodNotAllowed(express);
  installBodyParsers(express);
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
      { path: LINK_PAGE_ROUTES.unsubscribe, method: RequestMethod.GET },
      { path: LINK_PAGE_ROUTES.unsubscribe, method: RequestMethod.POST },
    ],
  });
  SwaggerModule.setup(API_DOCS_PATH, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
    customSiteTitle: 'Innovators Club API',
    swaggerOptions: {
      // The token under "Authorize" stays in the page's memory: in localStorage, any script of this
      // origin could read it, and it would outlive the tab on a shared computer.
      persistAuthorization: false,
      // No badge from an outside validator, which would be sent the document's address.
      validatorUrl: null,
    },
  });
  serveAsyncApiDocument(express);
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const cookieName = app.get(BrowserSessionCookie, { strict: false }).name;
  const config = new DocumentBuilder()
    .setTitle('Innovators Club API')
    .setDescription(
      'Die Schnittstelle der Plattform des Innovators Club im Deutschen Städte- und Gemeindebund. ' +
        `Fehler werden als ${PROBLEM_JSON} (RFC 9457) mit Korrelations-ID beantwortet.\n\n` +
        'Anmeldung: Die Geschäftsstelle meldet sich mit `POST /api/v1/auth/staff/login` an, Mitglieder mit ' +
        'einem Anmeldelink per E-Mail (`POST /api/v1/auth/sign-in-links`). Das Zugangstoken unter „Authorize“ ' +
        'eintragen; es gilt 15 Minuten, und diese Seite behält es nur, bis sie neu geladen wird. Im Browser trägt stattdessen ein Sitzungs-Cookie die Anmeldung ' +
        '(`/api/v1/auth/session`); schreibende Anfragen mit dem Cookie senden den Header `X-CSRF-Token`.\n\n' +
        `Die Ereignisströme auf Kafka beschreibt das AsyncAPI-Dokument: [${ASYNCAPI_ROUTES.yaml}](${ASYNCAPI_ROUTES.yaml}) ` +
        `([JSON](${ASYNCAPI_ROUTES.json})).`,
    )
    .setExternalDoc('Ereignisströme (AsyncAPI 3.0)', ASYNCAPI_ROUTES.yaml)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Zugangstoken (JWT)' })
    .addCookieAuth(
      cookieName,
      {
        type: 'apiKey',
        in: 'cookie',
        description:
          'Sitzungs-Cookie des Browsers (gesetzt von `POST /api/v1/auth/session`). Schreibende Anfragen ' +
          '(POST, PUT, PATCH, DELETE) mit dem Cookie brauchen den Header `X-CSRF-Token` mit dem `csrfToken` ' +
          'aus `GET /api/v1/auth/session`. Mit einem Zugangstoken zählt nur das Token.',
      },
      COOKIE_SECURITY,
    )
    .build();
  documentRequestQueries(app);
  const document = SwaggerModule.createDocument(app, config);
  documentRequestSchemas(app, document);
  addReplySchemas(document);
  documentOptionalBodies(document);
  return document;
}
