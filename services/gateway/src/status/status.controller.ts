import { dependencyStatusSchema, RequestHandlingService, RequestHandlingServices } from '@ic/contracts';
import { NotFoundError } from '@ic/platform';
import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../auth/auth.decorators';
import { ApiReply, ApiSchemaParts } from '../http/api-replies';
import { PlatformStatusService } from './platform-status.service';
import { PlatformStatus, platformStatusSchema, ServiceStatus, serviceStatusSchema } from './status.shapes';

@ApiTags('Betrieb')
@ApiSchemaParts({ DependencyStatusResponse: dependencyStatusSchema })
@Public()
@Controller('status')
export class StatusController {
  constructor(private readonly status: PlatformStatusService) {}

  @Get()
  @ApiOperation({
    summary: 'Zustand der Plattform',
    description: 'Fragt jeden Dienst über Kafka nach Zustand, Version und Antwortzeit.',
  })
  @ApiReply(200, 'PlatformStatusResponse', platformStatusSchema)
  check(@Req() request: Request & { correlationId?: string }): Promise<PlatformStatus> {
    return this.status.check(request.correlationId ?? 'status');
  }

  @Get(':service')
  @ApiOperation({
    summary: 'Zustand eines Dienstes',
    description: 'Eine Anfrage über Kafka an genau einen Dienst, mit der gemessenen Antwortzeit.',
  })
  @ApiParam({ name: 'service', enum: RequestHandlingServices })
  @ApiReply(200, 'ServiceStatusResponse', serviceStatusSchema)
  @ApiNotFoundResponse({ description: 'Diesen Dienst gibt es nicht.' })
  checkOne(
    @Param('service') service: string,
    @Req() request: Request & { correlationId?: string },
  ): Promise<ServiceStatus> {
    if (!isRequestHandlingService(service)) {
      throw new NotFoundError(
        `Einen Dienst „${service}“ gibt es nicht. Bekannt sind: ${RequestHandlingServices.join(', ')}.`,
      );
    }
    return this.status.serviceStatus(service, request.correlationId ?? 'status');
  }
}

function isRequestHandlingService(name: string): name is RequestHandlingService {
  return (RequestHandlingServices as readonly string[]).includes(name);
}
