import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DemoDataLoader } from './demo/demo-data.loader';
import { EventsEnv } from './events.env';

/** Loads the demo events on start when asked for (npm start); idempotent, also with several instances. */
@Injectable()
export class EventsSeeder implements OnApplicationBootstrap {
  constructor(
    private readonly config: ConfigService<EventsEnv, true>,
    private readonly demoData: DemoDataLoader,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.get('DEMO_DATA', { infer: true }) === 'true') await this.demoData.load();
  }
}
