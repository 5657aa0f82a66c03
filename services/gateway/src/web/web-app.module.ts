import { Logger, Module, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HttpAdapterHost } from '@nestjs/core';
import { serveWebApp } from './serve-web-app';
import { DEFAULT_WEB_DIST_DIR } from './web-dist-dir';
import { WebDist } from './web-dist';

/**
 * The web app at `/`, beside the API on the same origin. Its handler goes in at module init:
 * Nest has registered the controllers' routes by then and adds its not-found handler only after
 * the init hooks, so every route of the gateway (the API, the docs, the e-mail link pages) wins,
 * and what none answers reaches the web app before it becomes a 404.
 */
@Module({})
export class WebAppModule implements OnModuleInit {
  private readonly logger = new Logger('WebApp');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: ConfigService,
  ) {}

  async onModuleInit(): Promise<void> {
    // Validated with its default in GatewayEnv; the specs' app sets only what it needs.
    const dist = new WebDist(this.config.get<string>('WEB_DIST_DIR') ?? DEFAULT_WEB_DIST_DIR);
    if (!(await dist.index()))
      this.logger.warn(
        `${dist.indexPath} is missing: the web app answers 503 until it is built (npm run build)`,
      );
    this.adapterHost.httpAdapter.use(serveWebApp(dist));
  }
}
