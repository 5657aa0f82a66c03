import { PlatformRunner } from '../../scripts/lib/platform-runner';
import { E2eClient, SignedInMember } from '../support/e2e-client';
import { e2ePlatform } from '../support/e2e-platform';
import { testInfrastructure, uniqueSuffix } from '../support/test-infrastructure';

/**
 * „Try it out“ in the API docs sends the first example of an operation's request body. Each such
 * example must be a request the running platform accepts: before, the lounge and Kommunalzirkel
 * examples were refused (422), the registration example was the office's (403 for a member), and the
 * profile example overwrote every field with sample values.
 */

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      { requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown }> }> } }
    >
  >;
}

interface OwnProfile {
  id: string;
  officeTitle?: string;
  position?: string;
  phone?: string;
  themes: string[];
}

const run = uniqueSuffix();

describe('Examples of the API docs', () => {
  let platform: PlatformRunner;
  let client: E2eClient;
  let document: OpenApiDocument;
  let staff: string;
  let member: SignedInMember;

  /** The example „Try it out“ fills in for this operation. */
  function firstExample(path: string, method: string): object {
    const content = document.paths[path]?.[method]?.requestBody?.content['application/json'];
    const [first] = Object.values(content?.examples ?? {});
    if (!first) throw new Error(`${method} ${path} has no request example`);
    return first.value as object;
  }

  beforeAll(async () => {
    // Databases of its own: announcing the examples' events mails only this file's member.
    platform = e2ePlatform({ databasePrefix: `apidocs${run}` });
    await platform.start();
    client = new E2eClient(platform.gatewayUrl, testInfrastructure().mailSinkUrl);
    document = (await (await fetch(`${platform.gatewayUrl}/api/openapi.json`)).json()) as OpenApiDocument;
    staff = await client.staffLogin(0);
    member = await client.newMember(staff, {
      salutation: 'Frau',
      officeTitle: 'Geschäftsführerin',
      firstName: 'Ada',
      lastName: `Beispiel ${run}`,
      email: `ada.${run}@e2e-api-docs.example`,
      organisation: 'Beispiel GmbH',
      position: 'Leitung Digitalisierung',
      sector: 'Wirtschaft',
      federalState: 'BW',
      themes: ['Digitalisierung'],
    });
  });

  afterAll(() => platform?.stop());

  it.each(['forums', 'lounges', 'circles'])(
    'creates the event of the example of POST /events/%s',
    async (kind) => {
      const response = await client.call('POST', `/events/${kind}`, {
        token: staff,
        body: firstExample(`/api/v1/events/${kind}`, 'post'),
      });

      expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
    },
  );

  it('registers the member who sends the registration example', async () => {
    const lounge = await client.publishEvent<{ eventId: string; status: string }>(
      staff,
      'lounges',
      firstExample('/api/v1/events/lounges', 'post'),
      'announced',
    );
    const opened = await client.call('POST', `/events/${lounge.eventId}/open-registration`, { token: staff });
    expect(opened.status).toBe(200);

    const response = await client.call<{ status: string }>(
      'POST',
      `/events/${lounge.eventId}/registrations`,
      {
        token: member.token,
        body: firstExample('/api/v1/events/{eventId}/registrations', 'post'),
      },
    );

    expect({ status: response.status, body: response.body }).toMatchObject({
      status: 201,
      body: { status: 'confirmed' },
    });
  });

  it("changes only what the profile example names, and keeps the member's other fields", async () => {
    const before = await client.call<OwnProfile>('GET', '/members/me', { token: member.token });
    const example = firstExample('/api/v1/members/me', 'patch');

    const response = await client.call<OwnProfile>('PATCH', '/members/me', {
      token: member.token,
      body: example,
    });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ...before.body, ...example });
    expect(response.body).toMatchObject({
      officeTitle: 'Geschäftsführerin',
      position: 'Leitung Digitalisierung',
    });
  });
});
