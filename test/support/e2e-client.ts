import { randomUUID } from 'node:crypto';
import { e2eSecrets } from './e2e-platform';
import { eventually, sleep } from './eventually';

/**
 * A web client and a person with a mailbox, as the end-to-end tests drive the platform: calls
 * through the gateway, mail read back from the SMTP sink, and the way to a signed-in member
 * (appointment, the link in the invitation mail, a sign-in link).
 */

export interface ApiResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
  readonly text: string;
}

export interface Problem {
  status: number;
  title: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface SinkMessage {
  id: string;
  messageId: string | null;
  to: string[];
  subject: string;
  /** When the sink received the message (ISO time). */
  date: string;
  text: string | null;
  html: string | null;
}

export interface CallOptions {
  readonly token?: string;
  /** Sent as JSON unless it is a string, FormData or bytes (then as it is). */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Sent as an HTML form (application/x-www-form-urlencoded). */
  readonly form?: Record<string, string>;
}

export interface SignedInMember {
  readonly id: string;
  readonly email: string;
  readonly token: string;
}

interface AccessToken {
  accessToken: string;
  role: string;
  subject: string;
}

/** The pages behind the e-mail links live outside the API. */
const PAGE_PREFIXES = ['/einladung/', '/anmelden/', '/abmelden/'];

export class E2eClient {
  constructor(
    readonly gatewayUrl: string,
    private readonly mailSinkUrl?: string,
  ) {}

  get apiUrl(): string {
    return `${this.gatewayUrl}/api/v1`;
  }

  /** `path` below /api/v1, or a page path like `/einladung/<token>`. */
  async call<T = unknown>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | FormData | Uint8Array | undefined;
    if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    } else if (
      typeof options.body === 'string' ||
      options.body instanceof FormData ||
      options.body instanceof Uint8Array
    ) {
      body = options.body;
    } else if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(options.body);
    }
    const isPage = PAGE_PREFIXES.some((prefix) => path.startsWith(prefix));
    const response = await fetch(`${isPage ? this.gatewayUrl : this.apiUrl}${path}`, {
      method,
      headers,
      body,
    });
    const text = await response.text();
    const isJson = /json/.test(response.headers.get('content-type') ?? '') && text.length > 0;
    return {
      status: response.status,
      headers: response.headers,
      body: (isJson ? JSON.parse(text) : undefined) as T,
      text,
    };
  }

  /** Signs in with one of this run's staff accounts and returns the access token. */
  async staffLogin(index: number): Promise<string> {
    const account = e2eSecrets.staff[index];
    if (!account) throw new Error(`no staff account ${index} in e2eSecrets`);
    const response = await this.call<AccessToken>('POST', '/auth/staff/login', {
      body: { email: account.email, password: account.password },
    });
    expect(response.status).toBe(200);
    expect(response.body.role).toBe('staff');
    return response.body.accessToken;
  }

  async mailsTo(recipient: string): Promise<SinkMessage[]> {
    if (!this.mailSinkUrl)
      throw new Error('MAIL_SINK_URL is not set: this test reads mail back from the sink.');
    const response = await fetch(`${this.mailSinkUrl}/api/messages?to=${encodeURIComponent(recipient)}`);
    expect(response.status).toBe(200);
    return (await response.json()) as SinkMessage[];
  }

  /** Waits for the newest mail to the address with a link to `/<path>/<token>`, and returns that token. */
  async linkFromMail(
    recipient: string,
    path: 'einladung' | 'anmelden',
    notToken?: string,
  ): Promise<{ message: SinkMessage; token: string }> {
    return eventually(
      async () => {
        const pattern = new RegExp(`https?://[^\\s"<>]+/${path}/([A-Za-z0-9_-]{32,64})`);
        for (const message of await this.mailsTo(recipient)) {
          const token = pattern.exec(message.text ?? '')?.[1];
          if (token && token !== notToken) {
            expect(message.html).toContain(`/${path}/${token}`);
            return { message, token };
          }
        }
        throw new Error(`no mail with a /${path}/ link to ${recipient} yet`);
      },
      60_000,
      250,
    );
  }

  /**
   * Sends a request like a client that retries a timeout (504) with the same Idempotency-Key: with
   * hundreds of members set up at once, FerretDB on two cores answers some requests too late.
   */
  async callRetrying<T = unknown>(
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<ApiResponse<T>> {
    const key = randomUUID();
    for (let attempt = 1; ; attempt++) {
      const response = await this.call<T>(method, path, {
        ...options,
        headers: { ...options.headers, 'Idempotency-Key': key },
      });
      if (response.status !== 504) return response;
      // Backing off, as a polite client does: retrying at once only adds to the load that timed out.
      await sleep(Math.min(attempt, 5) * 500);
    }
  }

  /**
   * Creates an event as the office (`kind` is the path below /events: lounges, forums, circles),
   * announces it and waits until it has `status` both at the events service and in the
   * registrations service's own replica, which decides registrations and fills a moment later on a
   * busy machine. Returns the event as the events service shows it. Throws plain errors, so that
   * the benchmark can use it outside jest.
   */
  async publishEvent<T extends { eventId: string; status: string }>(
    staffToken: string,
    kind: 'lounges' | 'forums' | 'circles',
    body: object,
    status: string,
  ): Promise<T> {
    const created = await this.call<T>('POST', `/events/${kind}`, { token: staffToken, body });
    if (created.status !== 201) throw new Error(`creating the event: ${created.status} ${created.text}`);
    const { eventId } = created.body;
    const announced = await this.call('POST', `/events/${eventId}/announce`, { token: staffToken });
    if (announced.status !== 200)
      throw new Error(`announcing the event: ${announced.status} ${announced.text}`);
    const statusAt = async <B>(path: string, statusOf: (body: B) => string): Promise<B> => {
      const response = await this.call<B>('GET', path, { token: staffToken });
      const actual = response.status === 200 ? statusOf(response.body) : `HTTP ${response.status}`;
      if (actual !== status) throw new Error(`${path}: ${actual}, waiting for ${status}`);
      return response.body;
    };
    const published = await eventually(
      () => statusAt(`/events/${eventId}`, (event: T) => event.status),
      60_000,
      250,
    );
    await eventually(
      () =>
        statusAt(
          `/events/${eventId}/registration-stats`,
          (stats: { eventStatus: string }) => stats.eventStatus,
        ),
      60_000,
      250,
    );
    return published;
  }

  /**
   * A new active, signed-in member, the way a person becomes one: the office appoints them
   * (`invitation` is the body of POST /invitations), they accept with the link from the invitation
   * mail and sign in with the link from a sign-in mail.
   */
  async newMember(staffToken: string, invitation: { email: string } & Record<string, unknown>) {
    const invited = await this.callRetrying<{ id: string }>('POST', '/invitations', {
      token: staffToken,
      body: invitation,
    });
    expect({ status: invited.status, problem: invited.status === 201 ? undefined : invited.body }).toEqual({
      status: 201,
      problem: undefined,
    });
    const { token: invitationToken } = await this.linkFromMail(invitation.email, 'einladung');
    const accepted = await this.callRetrying<{ memberId: string }>('POST', '/invitations/accept', {
      body: { token: invitationToken },
    });
    expect(accepted.status).toBe(200);
    expect(
      (await this.callRetrying('POST', '/auth/sign-in-links', { body: { email: invitation.email } })).status,
    ).toBe(202);
    const { token: signInToken } = await this.linkFromMail(invitation.email, 'anmelden');
    const redeemed = await this.callRetrying<AccessToken>('POST', '/auth/sign-in-links/redeem', {
      body: { token: signInToken },
    });
    expect(redeemed.status).toBe(200);
    const member: SignedInMember = {
      id: accepted.body.memberId,
      email: invitation.email,
      token: redeemed.body.accessToken,
    };
    return member;
  }
}

/** The distinct fields a 400 or 422 problem names, in order. */
export function fieldsOf(problem: unknown): string[] {
  return [...new Set(((problem as Problem | undefined)?.errors ?? []).map((error) => error.field))];
}
