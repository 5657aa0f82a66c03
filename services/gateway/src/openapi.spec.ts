import { textPattern, WORKING_GROUP_ID } from '@ic/contracts';
import { OpenAPIObject } from '@nestjs/swagger';
import { GatewayTestApp, startGatewayTestApp } from './testing/gateway-test-app';
import { buildOpenApiDocument } from './openapi';

type Operation = {
  security?: Record<string, string[]>[];
  'x-roles'?: string[];
  responses: Record<string, { content?: Record<string, { example?: { status?: number } }> }>;
  parameters?: {
    name: string;
    in: string;
    required?: boolean;
    example?: unknown;
    schema?: { format?: string; pattern?: string; enum?: unknown[]; example?: unknown };
  }[];
};

const PUBLIC_OPERATIONS = [
  'post /api/v1/auth/staff/login',
  'get /api/v1/auth/session',
  'post /api/v1/auth/session',
  'delete /api/v1/auth/session',
  'post /api/v1/auth/staff/session',
  'post /api/v1/auth/sign-in-links',
  'post /api/v1/auth/sign-in-links/redeem',
  'get /api/v1/invitations/by-token/{token}',
  'post /api/v1/invitations/accept',
  'post /api/v1/invitations/decline',
  'get /api/v1/calendar.ics',
  // Anyone reads the published events; a caller with a token or the cookie is identified all the same.
  'get /api/v1/events',
  'get /api/v1/events/{eventId}',
];

describe(buildOpenApiDocument.name, () => {
  let app: GatewayTestApp;
  let document: OpenAPIObject;
  let operations: [string, Operation][];

  beforeAll(async () => {
    app = await startGatewayTestApp();
    document = buildOpenApiDocument(app.app);
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Operation>).map(([method, operation]): [string, Operation] => [
        `${method} ${path}`,
        operation,
      ]),
    );
  });

  afterAll(() => app.close());

  it('documents every endpoint of the API, and none of the link pages', () => {
    expect(operations.map(([name]) => name).sort()).toEqual(
      [
        ...PUBLIC_OPERATIONS,
        'post /api/v1/auth/logout',
        'get /api/v1/auth/failed-sign-ins',
        'post /api/v1/invitations',
        'post /api/v1/invitations/mail-preview',
        'get /api/v1/invitations',
        'get /api/v1/invitations/{id}',
        'post /api/v1/invitations/{id}/resend',
        'post /api/v1/invitations/{id}/revoke',
        'get /api/v1/members/me',
        'patch /api/v1/members/me',
        'post /api/v1/members/me/leave',
        'post /api/v1/members/me/erasure',
        'put /api/v1/members/me/working-groups/{id}',
        'delete /api/v1/members/me/working-groups/{id}',
        'get /api/v1/members',
        'get /api/v1/members/{id}',
        'patch /api/v1/members/{id}',
        'post /api/v1/members/{id}/end',
        'post /api/v1/members/{id}/erasure',
        'get /api/v1/members/{id}/history',
        'get /api/v1/working-groups',
        'post /api/v1/working-groups',
        'put /api/v1/working-groups/{id}/members/{memberId}',
        'delete /api/v1/working-groups/{id}/members/{memberId}',
        'get /api/v1/deliveries',
        'post /api/v1/deliveries/{deliveryId}/resend',
        'get /api/v1/dead-letters',
        'get /api/v1/dead-letters/figures',
        'get /api/v1/dead-letters/{deadLetterId}',
        'post /api/v1/dead-letters/redeliver-all',
        'post /api/v1/dead-letters/{deadLetterId}/redeliver',
        'post /api/v1/dead-letters/{deadLetterId}/discard',
        'post /api/v1/events/forums',
        'post /api/v1/events/lounges',
        'post /api/v1/events/circles',
        'patch /api/v1/events/forums/{eventId}',
        'patch /api/v1/events/lounges/{eventId}',
        'patch /api/v1/events/circles/{eventId}',
        'post /api/v1/events/{eventId}/announce',
        'post /api/v1/events/{eventId}/open-registration',
        'post /api/v1/events/{eventId}/close-registration',
        'post /api/v1/events/{eventId}/mark-held',
        'post /api/v1/events/{eventId}/cancel',
        'get /api/v1/events/{eventId}/calendar.ics',
        'post /api/v1/events/{eventId}/documents',
        'get /api/v1/events/{eventId}/documents/{documentId}',
        'delete /api/v1/events/{eventId}/documents/{documentId}',
        'post /api/v1/events/{eventId}/registrations',
        'post /api/v1/events/{eventId}/interest',
        'get /api/v1/events/{eventId}/participants',
        'get /api/v1/events/{eventId}/participants.csv',
        'get /api/v1/events/{eventId}/registration-stats',
        'get /api/v1/events/{eventId}/seats',
        'get /api/v1/events/{eventId}/audience',
        'get /api/v1/registrations/{registrationId}',
        'delete /api/v1/registrations/{registrationId}',
        'put /api/v1/registrations/{registrationId}/delegation',
        'post /api/v1/registrations/{registrationId}/attendance',
        'get /api/v1/me/interests',
        'get /api/v1/me/registrations',
        'get /api/v1/analytics/events',
        'get /api/v1/analytics/events.csv',
        'get /api/v1/analytics/events/{eventId}',
        'get /api/v1/analytics/events/{eventId}/timeline.csv',
        'get /api/v1/analytics/participation',
        'get /api/v1/analytics/participation.csv',
        'get /api/v1/analytics/membership',
        'get /api/v1/analytics/membership.csv',
        'get /api/v1/analytics/working-groups',
        'get /api/v1/analytics/working-groups.csv',
        'get /api/v1/analytics/status',
      ].sort(),
    );
  });

  it('asks for the bearer token or else the session cookie exactly where the gateway does', () => {
    for (const [name, operation] of operations) {
      const requirements = (operation.security ?? []).map((requirement) => Object.keys(requirement));
      const secured = requirements.length > 0;
      expect({ name, secured }).toEqual({ name, secured: !PUBLIC_OPERATIONS.includes(name) });
      if (!secured) continue;
      // Two requirements, one scheme each: either of them will do.
      expect({ name, requirements }).toEqual({ name, requirements: [['bearer'], ['cookie']] });
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['401', '403']));
    }
    expect(document.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    // The test app's LINK_BASE_URL is https, so the cookie has the __Host- prefix.
    expect(document.components?.securitySchemes?.cookie).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: '__Host-ic_session',
    });
  });

  it('names the roles of an operation that takes only some (x-roles), on the operation and from its controller', () => {
    const roles = Object.fromEntries(operations.map(([name, operation]) => [name, operation['x-roles']]));

    expect(roles['post /api/v1/events/forums']).toEqual(['staff']);
    expect(roles['get /api/v1/analytics/events']).toEqual(['staff']);
    expect(roles['get /api/v1/members/me']).toEqual(['member']);
    expect(roles['get /api/v1/events']).toBeUndefined();
    for (const name of PUBLIC_OPERATIONS)
      expect({ name, roles: roles[name] }).toEqual({ name, roles: undefined });
  });

  it("describes the browser session's answer as exactly one of two shapes, told apart by signedIn", () => {
    const [, current] = operations.find(([name]) => name === 'get /api/v1/auth/session') ?? [];
    expect(current?.responses['200']?.content?.['application/json']).toEqual({
      schema: {
        oneOf: [
          { $ref: '#/components/schemas/SignedInSessionResponse' },
          { $ref: '#/components/schemas/SignedOutSessionResponse' },
        ],
      },
    });
    const schemas = document.components?.schemas ?? {};
    expect(schemas.SignedOutSessionResponse).toMatchObject({
      properties: { signedIn: { type: 'boolean', enum: [false] } },
      required: ['signedIn'],
    });
    expect(schemas.SignedInSessionResponse).toMatchObject({
      properties: { signedIn: { type: 'boolean', enum: [true] }, role: { enum: ['staff', 'member'] } },
      required: ['signedIn', 'role', 'operations', 'subject', 'expiresAt', 'csrfToken'],
    });
  });

  it('documents the errors of every endpoint as problem+json', () => {
    for (const [name, operation] of operations) {
      const errors = Object.entries(operation.responses).filter(([status]) => Number(status) >= 400);
      expect({ name, errors: errors.length > 0 }).toEqual({ name, errors: true });
      for (const [, response] of errors)
        expect(response.content).toHaveProperty(['application/problem+json']);
    }
    expect(document.components?.schemas).toHaveProperty('ProblemResponse');
  });

  it('documents the Idempotency-Key header on every write', () => {
    for (const [name, operation] of operations.filter(([name]) => !name.startsWith('get '))) {
      const header = operation.parameters?.some(
        (parameter) => parameter.in === 'header' && parameter.name === 'Idempotency-Key',
      );
      expect({ name, header }).toEqual({ name, header: true });
    }
  });

  it('documents every path parameter with the format or pattern the gateway checks, each once', () => {
    for (const [name, operation] of operations) {
      const inPath = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path');
      expect({ name, names: inPath.map((p) => p.name) }).toEqual({
        name,
        names: [...new Set(inPath.map((p) => p.name))],
      });
      for (const parameter of inPath) {
        const { format, pattern, enum: values } = parameter.schema ?? {};
        const checked = format === 'uuid' || pattern !== undefined || values !== undefined;
        expect({ name, parameter: parameter.name, checked }).toEqual({
          name,
          parameter: parameter.name,
          checked: true,
        });
      }
    }
    const member = operations.find(([name]) => name === 'get /api/v1/members/{id}')?.[1];
    expect(member?.parameters).toContainEqual(
      expect.objectContaining({
        name: 'id',
        in: 'path',
        required: true,
        schema: { type: 'string', format: 'uuid' },
      }),
    );
  });

  it('shows each error status with an example of its own status', () => {
    for (const [name, operation] of operations) {
      for (const [status, response] of Object.entries(operation.responses).filter(
        ([s]) => Number(s) >= 400,
      )) {
        const example = response.content?.['application/problem+json']?.example;
        expect({ name, status, example: example?.status }).toEqual({ name, status, example: Number(status) });
      }
    }
  });

  it('fills no filter in for "Try it out": optional query parameters have no example', () => {
    for (const [name, operation] of operations) {
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in !== 'query' || parameter.required) continue;
        const example = parameter.example ?? parameter.schema?.example;
        expect({ name, parameter: parameter.name, example }).toEqual({
          name,
          parameter: parameter.name,
          example: undefined,
        });
      }
    }
  });

  it("says what the validators check: the request classes' limits and patterns, and no other fields", () => {
    const schemas = document.components?.schemas as Record<
      string,
      { properties?: Record<string, object>; additionalProperties?: unknown }
    >;

    expect(schemas.CreateLoungeRequest).toMatchObject({
      additionalProperties: false,
      properties: { themes: { minItems: 1 }, title: { minLength: 3, maxLength: 200 } },
    });
    expect(schemas.CancelEventRequest?.properties?.reason).toMatchObject({ minLength: 3 });
    expect(schemas.CreateForumRequest?.properties?.edition).toMatchObject({ type: 'integer' });
    expect(schemas.StaffLoginRequest?.properties?.password).toMatchObject({ minLength: 1 });
    expect(schemas.LinkTokenRequest?.properties?.token).toMatchObject({ pattern: '^[A-Za-z0-9_-]{32,64}$' });
    expect(schemas.UpdateLoungeRequest?.additionalProperties).toBe(false);
    expect(schemas.VenueDto?.additionalProperties).toBe(false);
    // An answer is closed by its own schema: the gateway answers with exactly its fields (pickShape).
    expect(schemas.EventResponse?.additionalProperties).toBe(false);
    const members = operations.find(([name]) => name === 'get /api/v1/members')?.[1];
    expect(members?.parameters).toContainEqual(
      expect.objectContaining({
        name: 'q',
        schema: expect.objectContaining({ minLength: 1, maxLength: 80 }),
      }),
    );
  });

  it('takes the schema of a request class made from one (RequestBody) as its component', () => {
    const schemas = document.components?.schemas ?? {};

    expect(schemas.CreateWorkingGroupRequest).toEqual({
      type: 'object',
      additionalProperties: false,
      required: ['id', 'name'],
      properties: {
        id: {
          type: 'string',
          example: 'smartes-land',
          description: 'Kurzname in der Adresse: Kleinbuchstaben, Ziffern, Bindestriche',
          pattern: WORKING_GROUP_ID.source,
        },
        name: {
          type: 'string',
          example: 'Smartes Land',
          minLength: 2,
          maxLength: 80,
          pattern: textPattern('single-line', 2),
        },
        description: { type: 'string', maxLength: 2000, pattern: textPattern('multi-line') },
      },
    });
  });

  it('writes the text, e-mail and time rules as patterns, and the rules of list entries into items', () => {
    const schemas = document.components?.schemas as Record<
      string,
      { properties: Record<string, { pattern?: string; items?: { pattern?: string; minLength?: number } }> }
    >;
    const accepts = (pattern: string | undefined, text: string) => new RegExp(pattern ?? '', 'u').test(text);
    const title = schemas.CreateLoungeRequest.properties.title.pattern;
    const description = schemas.CreateLoungeRequest.properties.description.pattern;
    const email = schemas.InviteMemberRequest.properties.email.pattern;
    const startsAt = schemas.CreateLoungeRequest.properties.startsAt.pattern;
    const questions = schemas.CircleModuleDto.properties.guidingQuestions.items;

    expect([accepts(title, 'Die smarte Stadt'), accepts(title, 'Die\u200Bsmarte Stadt')]).toEqual([
      true,
      false,
    ]);
    // Trimmed to less than the three characters a title needs.
    expect(accepts(title, '  ab  ')).toBe(false);
    expect([accepts(description, 'Zeile 1\r\nZeile 2'), accepts(description, 'Zeile\u202E1')]).toEqual([
      true,
      false,
    ]);
    expect([accepts(email, 'Anna.Beispiel@Kalletal.de'), accepts(email, 'anna..b@kalletal.de')]).toEqual([
      true,
      false,
    ]);
    expect([accepts(startsAt, '2028-02-29T09:30'), accepts(startsAt, '2027-02-29T09:30')]).toEqual([
      true,
      false,
    ]);
    expect(questions).toMatchObject({ minLength: 1, maxLength: 500 });
    expect([
      accepts(questions?.pattern, 'Wo stehen wir?'),
      accepts(questions?.pattern, 'Wo\tstehen wir?'),
    ]).toEqual([true, false]);
  });

  it('lists null among the values of a nullable enum (null clears it)', () => {
    const schemas = document.components?.schemas as Record<
      string,
      { properties: Record<string, { enum?: unknown[] }> }
    >;

    expect(schemas.UpdateOwnProfileRequest.properties.academicTitle.enum).toContain(null);
  });

  it('lets a body be left out where all its fields are optional, as the gateway takes it', () => {
    const required = (path: string, method: 'post' | 'patch') =>
      (document.paths[path]?.[method]?.requestBody as { required?: boolean } | undefined)?.required;

    expect([required('/api/v1/members/me', 'patch'), required('/api/v1/members/me/leave', 'post')]).toEqual([
      false,
      false,
    ]);
    expect(required('/api/v1/invitations', 'post')).toBe(true);
  });

  it('names the file types an upload takes', () => {
    const upload = document.paths['/api/v1/events/{eventId}/documents']?.post?.requestBody as {
      content: Record<string, { encoding?: Record<string, { contentType?: string }> }>;
    };

    expect(upload.content['multipart/form-data']?.encoding?.file?.contentType).toContain('application/pdf');
  });
});
