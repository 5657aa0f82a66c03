import { Controller, Get, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { PlatformStatusService } from './platform-status.service';
import { PlatformStatusResponse } from './status.response';

@ApiTags('Betrieb')
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
}
