import { ApiResponse, Page } from './e2e-client';
import { GatewayTestBed } from './gateway-test-bed';
import { testInfrastructure, uniqueSuffix } from './test-infrastructure';

/**
 * What the end-to-end tests of membership share (membership-*.e2e.ts): the shapes the API answers
 * with, one run's names, and a platform with the office signed in.
 */

export interface Invitation {
  id: string;
  status: string;
  email: string;
}

export interface Member {
  id: string;
  email?: string;
  phone?: string;
  status?: string;
  firstName: string;
  lastName: string;
  position?: string;
  themes: string[];
  workingGroups: string[];
  municipality?: { name: string };
  municipalityName?: string;
}

export interface AccessToken {
  accessToken: string;
  role: string;
  subject: string;
}

/** One run's names, so that nothing left in the databases or the sink by earlier runs counts. */
export const run = uniqueSuffix();
export const address = (name: string) => `${name}.${run}@e2e-kommune.example`;

/** Anna, a mayor in Kalletal (NW, Kommune), as the office appoints her: inviteBody('Anna', annaInvitation). */
export const annaInvitation = { salutation: 'Frau', firstName: 'Anna', officeTitle: 'Bürgermeisterin' };

/** Ben, a professor in Bamberg (BY, Wissenschaft), as the office appoints him: inviteBody('Ben', benInvitation). */
export const benInvitation = {
  firstName: 'Ben',
  academicTitle: undefined,
  officeTitle: undefined,
  position: 'Professor für Verwaltungsinformatik',
  organisation: 'Universität Bamberg',
  sector: 'Wissenschaft',
  federalState: 'BY',
  municipality: undefined,
  themes: ['Bildung'],
  personalMessage: 'Sehr gern mit <Ihnen> & Ihrem Team.',
};

/** The platform of the membership tests, and the calls they make. */
export class MembershipThroughTheGateway extends GatewayTestBed {
  protected override async start(): Promise<void> {
    const sink = testInfrastructure().mailSinkUrl;
    if (!sink)
      throw new Error('MAIL_SINK_URL is not set: the membership e2e test reads mail back from the sink.');
    await super.start();
  }

  readonly inviteBody = (name: string, overrides: Record<string, unknown> = {}): Record<string, unknown> => {
    return {
      salutation: 'Herr',
      academicTitle: 'Dr.',
      officeTitle: 'Bürgermeister',
      firstName: 'Jonas',
      lastName: `${name} ${run}`,
      email: address(name.toLowerCase()),
      organisation: 'Gemeinde Kalletal',
      position: 'Bürgermeister',
      sector: 'Kommune',
      federalState: 'NW',
      municipality: { name: `Kalletal ${run}`, ags: '05766040', population: 13900 },
      themes: ['Digitalisierung', 'Klimaschutz'],
      personalMessage: 'Wir freuen uns auf Ihre Erfahrung mit digital.interkommunal.',
      ...overrides,
    };
  };

  readonly invite = async (body: Record<string, unknown>): Promise<Invitation> => {
    const response = await this.client.call<Invitation>('POST', '/invitations', {
      token: this.staff,
      body,
    });
    expect({ status: response.status, problem: response.status === 201 ? undefined : response.body }).toEqual(
      {
        status: 201,
        problem: undefined,
      },
    );
    expect(response.headers.get('location')).toBe(`/api/v1/invitations/${response.body.id}`);
    return response.body;
  };

  readonly allInvitations = async (): Promise<Invitation[]> => {
    const invitations: Invitation[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=100&cursor=${cursor}` : '?limit=100';
      const page: ApiResponse<Page<Invitation>> = await this.client.call('GET', `/invitations${query}`, {
        token: this.staff,
      });
      expect(page.status).toBe(200);
      invitations.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return invitations;
  };

  /** The browser session cookie a response sets, as the next request's Cookie header (`ic_session=…`). */
  readonly sessionCookieOf = (response: ApiResponse): string => {
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^ic_session=[A-Za-z0-9_-]{43}; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/);
    return setCookie.split(';')[0] ?? '';
  };
}
