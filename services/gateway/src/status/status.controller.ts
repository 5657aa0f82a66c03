import { RequestHandlingService, RequestHandlingServices } from '@ic/contracts';
import { NotFoundError } from '@ic/platform';
import { Controller, Get, Param, Req } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../auth/auth.decorators';
import { PlatformStatusService } from './platform-status.service';
import { DependencyStatusResponse, PlatformStatusResponse, ServiceStatusResponse } from './status.response';

@ApiTags('Betrieb')
// Named only inside ServiceStatusResponse's map of dependencies, so the document must be told of it.
@ApiExtraModels(DependencyStatusResponse)
@Public()
@Controller('status')
export class StatusController {
  constructor(private readonly status: PlatformStatusService) {}

  @Get()
  @ApiOperation({
    summary: 'Zustand der Plattform',
    description: 'Fragt jeden Dienst über Kafka nach Zustand, Version und Antwortzeit.',
  })
  @ApiOkResponse({ type: PlatformStatusResponse })
  check(@Req() request: Request & { correlationId?: string }): Promise<PlatformStatusResponse> {
    return this.status.check(request.correlationId ?? 'status');
  }

  @Get(':service')
  @ApiOperation({
    summary: 'Zustand eines Dienstes',
    description: 'Eine Anfrage über Kafka an genau einen Dienst, mit der gemessenen Antwortzeit.',
  })
  @ApiParam({ name: 'service', enum: RequestHandlingServices })
  @ApiOkResponse({ type: ServiceStatusResponse })
  @ApiNotFoundResponse({ description: 'Diesen Dienst gibt es nicht.' })
  checkOne(
    @Param('service') service: string,
    @Req() request: Request & { correlationId?: string },
  ): Promise<ServiceStatusResponse> {
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
