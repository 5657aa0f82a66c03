import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DemoRegistrationsLoader } from './demo/demo-registrations.loader';
import { RegistrationsEnv } from './registrations.env';

/**
 * Loads the demo registrations when asked for (npm start), in the background: they wait for the
 * demo events and members to reach this service's replicas, and the service serves meanwhile.
 */
@Injectable()
export class RegistrationsSeeder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RegistrationsSeeder.name);

  constructor(
    private readonly config: ConfigService<RegistrationsEnv, true>,
    private readonly demoData: DemoRegistrationsLoader,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.get('DEMO_DATA', { infer: true }) !== 'true') return;
    this.demoData
      .loadWhenReady()
      .catch((error: unknown) =>
        this.logger.error(
          `Demo registrations failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
  }

  onApplicationShutdown(): void {
    this.demoData.stop();
  }
}
