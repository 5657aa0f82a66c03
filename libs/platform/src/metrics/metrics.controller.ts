import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { checkMetricsAccess, METRICS_ACCESS, MetricsAccess } from './metrics-access';
import { metricsRegistry } from './metrics-registry';

/** Prometheus's text format of every metric of this process, on the service's HTTP port. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(METRICS_ACCESS) private readonly access: MetricsAccess) {}

  @Get()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    if (this.access.token) response.setHeader('WWW-Authenticate', 'Bearer');
    checkMetricsAccess(this.access, authorization);
    response.setHeader('Content-Type', metricsRegistry.contentType);
    response.setHeader('Cache-Control', 'no-store');
    return metricsRegistry.metrics();
  }
}
