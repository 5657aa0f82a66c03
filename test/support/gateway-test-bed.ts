import { PlatformRunner } from '../../scripts/lib/platform-runner';
import { E2eClient } from './e2e-client';
import { e2ePlatform, E2ePlatformOptions } from './e2e-platform';
import { testInfrastructure } from './test-infrastructure';

/**
 * The platform through the gateway for one end-to-end test file: the six services started before its
 * tests, a client that reads the mail sink, an office token; stopped after the tests. A file's own
 * test bed extends it with what its tests share (see events-e2e.ts).
 */
export class GatewayTestBed {
  platform!: PlatformRunner;
  client!: E2eClient;
  /** An access token of the run's first staff account. */
  staff!: string;
  /** Settings of this file's platform beyond the defaults. */
  protected readonly platformOptions: E2ePlatformOptions = {};

  /** Call inside the file's describe; the fields are set once its beforeAll has run. */
  static forThisFile<T extends GatewayTestBed>(this: new () => T): T {
    const bed = new this();
    beforeAll(() => bed.start());
    afterAll(() => bed.platform?.stop());
    return bed;
  }

  protected async start(): Promise<void> {
    this.platform = e2ePlatform(this.platformOptions);
    await this.platform.start();
    this.client = new E2eClient(this.platform.gatewayUrl, testInfrastructure().mailSinkUrl);
    this.staff = await this.client.staffLogin(0);
  }
}
