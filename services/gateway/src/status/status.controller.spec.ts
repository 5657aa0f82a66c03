import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { addReplySchemas } from '../http/api-replies';
import { PlatformStatusService } from './platform-status.service';
import { StatusController } from './status.controller';

describe(StatusController.name, () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [StatusController],
      providers: [{ provide: PlatformStatusService, useValue: {} }],
    }).compile();
    app = await moduleRef.createNestApplication({ logger: false }).init();
  });

  afterAll(() => app.close());

  it('documents the status of each dependency with a schema the document has', () => {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    addReplySchemas(document);
    const schemas = document.components?.schemas ?? {};

    expect(schemas.PlatformStatusResponse).toMatchObject({
      properties: { services: { items: { $ref: '#/components/schemas/ServiceStatusResponse' } } },
    });
    expect(schemas.ServiceStatusResponse).toMatchObject({
      additionalProperties: false,
      properties: {
        dependencies: { additionalProperties: { $ref: '#/components/schemas/DependencyStatusResponse' } },
      },
    });
    expect(schemas).toHaveProperty('DependencyStatusResponse.properties.latencyMs');
  });
});
