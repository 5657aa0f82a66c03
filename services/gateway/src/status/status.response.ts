import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

export class DependencyStatusResponse {
  @ApiProperty({ example: true })
  ok!: boolean;

  @ApiProperty({ example: 3 })
  latencyMs!: number;

  @ApiPropertyOptional({ example: 'no answer within 2000 ms' })
  detail?: string;
}

export class ServiceStatusResponse {
  @ApiProperty({ example: 'membership' })
  service!: string;

  @ApiProperty({ enum: ['ok', 'degraded', 'unreachable'], example: 'ok' })
  status!: 'ok' | 'degraded' | 'unreachable';

  @ApiPropertyOptional({ example: '0.1.0' })
  version?: string;

  @ApiPropertyOptional({ example: 'host-1234' })
  instanceId?: string;

  @ApiPropertyOptional({ example: 120 })
  uptimeSeconds?: number;

  @ApiProperty({ description: 'Round trip through Kafka, or time until giving up.', example: 7 })
  latencyMs!: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(DependencyStatusResponse) },
  })
  dependencies?: Record<string, DependencyStatusResponse>;

  @ApiPropertyOptional({ example: 'Der Dienst „events“ hat nicht innerhalb von 3 Sekunden geantwortet.' })
  error?: string;
}

export class PlatformStatusResponse {
  @ApiProperty({ enum: ['ok', 'degraded'], example: 'ok' })
  status!: 'ok' | 'degraded';

  @ApiProperty({ example: '2026-11-21T10:00:00.000Z' })
  checkedAt!: string;

  @ApiProperty({ type: [ServiceStatusResponse] })
  services!: ServiceStatusResponse[];
}
