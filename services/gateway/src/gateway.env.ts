import { ServiceEnv, IntSetting } from '@ic/platform';
import { IsString, IsUrl, Matches, MinLength } from 'class-validator';
import { DEFAULT_WEB_DIST_DIR } from './web/web-dist-dir';

export class GatewayEnv extends ServiceEnv {
  override HTTP_PORT = 3000;

  /** How long the gateway waits for a service's reply before answering 504. */
  @IntSetting(100, 120000)
  REQUEST_TIMEOUT_MS = 5000;

  /**
   * How long a registration or cancellation may wait for its seat decision. When registration for a
   * Deutschlandforum opens, one event's requests queue at one instance; waiting there beats a 504.
   */
  @IntSetting(100, 120000)
  SEAT_REQUEST_TIMEOUT_MS = 30000;

  /** Verifies access tokens signed by the membership service. No default. */
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET!: string;

  /**
   * Requests for sign-in links one client address may make per window (then 429): enough for the
   * staff of a town hall behind one address (50 people asking twice).
   */
  @IntSetting(1, 100000)
  SIGN_IN_LINK_REQUESTS_PER_IP = 100;

  /** Requests for sign-in links from all clients together per window: a safety valve, per instance. */
  @IntSetting(1, 1000000)
  SIGN_IN_LINK_REQUESTS_OVERALL = 1000;

  @IntSetting(1, 86400)
  SIGN_IN_LINK_WINDOW_SECONDS = 600;

  /**
   * The office's password sign-ins that may fail from one client address per window (then 429),
   * whatever addresses they tried; sign-ins that succeed do not count.
   */
  @IntSetting(1, 10000)
  STAFF_SIGN_IN_FAILURES_PER_IP = 10;

  @IntSetting(1, 86400)
  STAFF_SIGN_IN_WINDOW_SECONDS = 900;

  /** Where people reach the platform: the links in calendar entries point there. */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  LINK_BASE_URL = 'http://127.0.0.1:3000';

  /** The built web app served at `/` (default: `web/dist` of the repository, made by `npm run build`). */
  @Matches(/^\//, { message: 'WEB_DIST_DIR must be an absolute path' })
  WEB_DIST_DIR = DEFAULT_WEB_DIST_DIR;
}
