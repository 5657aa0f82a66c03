import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;
const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : value;

/**
 * An integer variable between `min` and `max`, read from its text. The decorators go on in the
 * order TypeScript applies them when stacked (the last written first), so messages keep their order.
 */
export function IntSetting(min: number, max: number): PropertyDecorator {
  return applyDecorators(Max(max), Min(min), IsInt(), Transform(toInt));
}

export const KAFKA_SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Environment every service reads. Each service extends it with its own variables; the
 * docker-compose test checks that compose sets only variables these classes know.
 */
export class ServiceEnv {
  /** Comma-separated host:port list. */
  @Transform(toList)
  @Matches(/^[^\s:,]+:\d{1,5}$/, {
    each: true,
    message: 'KAFKA_BROKERS must be a comma-separated list of host:port',
  })
  KAFKA_BROKERS: string[] = ['127.0.0.1:9092'];

  /** TLS to the brokers, as a managed Kafka asks; the system's CAs unless KAFKA_SSL_CA_FILE names others. */
  @IsIn(['true', 'false'])
  KAFKA_SSL: 'true' | 'false' = 'false';

  /** A PEM file of the CAs that signed the brokers' certificates (a private CA); only with KAFKA_SSL. */
  @IsOptional()
  @IsString()
  KAFKA_SSL_CA_FILE?: string;

  /** SASL authentication to the brokers (with KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD); unset: none. */
  @IsOptional()
  @IsIn(KAFKA_SASL_MECHANISMS)
  KAFKA_SASL_MECHANISM?: KafkaSaslMechanism;

  @ValidateIf((env: ServiceEnv) => env.KAFKA_SASL_MECHANISM !== undefined)
  @IsNotEmpty({ message: 'KAFKA_SASL_USERNAME must be set with KAFKA_SASL_MECHANISM' })
  @IsString()
  KAFKA_SASL_USERNAME?: string;

  @ValidateIf((env: ServiceEnv) => env.KAFKA_SASL_MECHANISM !== undefined)
  @IsNotEmpty({ message: 'KAFKA_SASL_PASSWORD must be set with KAFKA_SASL_MECHANISM' })
  @IsString()
  KAFKA_SASL_PASSWORD?: string;

  @IsString()
  @Matches(/^mongodb(\+srv)?:\/\//, { message: 'MONGODB_URI must start with mongodb:// or mongodb+srv://' })
  MONGODB_URI = 'mongodb://127.0.0.1:27017';

  /** Database of this service on the Mongo server; defaults to `ic_<service>`. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,63}$/, { message: 'MONGODB_DATABASE may hold letters, digits, _ and - only' })
  MONGODB_DATABASE?: string;

  /** Interface the service's HTTP server (health, and the API for the gateway) binds to. */
  @IsString()
  HTTP_HOST = '127.0.0.1';

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT?: number;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'log';

  @IsIn(['json', 'pretty'])
  LOG_FORMAT: 'json' | 'pretty' = 'pretty';

  /** Distinguishes instances of one service in logs and consumer client ids; defaults to host and pid. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/)
  INSTANCE_ID?: string;

  /**
   * Where the service sends its spans over OTLP/HTTP; unset: no tracing. Read before Nest starts
   * (libs/platform/src/tracing/instrument.ts); declared here so that a bad value stops the service.
   */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+/, {
    message: 'OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL',
  })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /** How long a dead consumer keeps its partitions before the group moves them on. */
  @IntSetting(6000, 300000)
  KAFKA_SESSION_TIMEOUT_MS = 10000;

  /** Attempts of a failing event handler before the message goes to `<topic>.dlt`. */
  @IntSetting(1, 20)
  CONSUMER_MAX_ATTEMPTS = 4;

  @IntSetting(10, 60000)
  CONSUMER_RETRY_BACKOFF_MS = 250;

  /**
   * How long an event claimed by an instance stays its own before another instance may take it over
   * (the claimant crashed). Longer than any one handling takes, retries and an SMTP send included;
   * the consumer never uses less than twice its retry backoffs.
   */
  @IntSetting(1000, 3600000)
  CONSUMER_CLAIM_LEASE_MS = 60000;

  /**
   * How many events of one partition a service handles side by side, for services that need order
   * only per entity (see EventOrdering in libs/messaging): the notifications service's registration
   * mails, all of one club event on one partition. Each mail mostly waits (database, SMTP), so many
   * at once pay: in the benchmark's rush 64 sent 120 mails/s where 1 sent 26 (bench/README.md).
   */
  @IntSetting(1, 256)
  CONSUMER_PARALLEL_KEYS = 64;

  /**
   * How often the outbox sweeper looks for events whose immediate publish did not happen (a crash
   * or Kafka away). A sweep reads only the documents not yet confirmed published (by the indexed
   * `outboxUpdatedAt`), each once after its last write.
   */
  @IntSetting(100, 600000)
  OUTBOX_SWEEP_INTERVAL_MS = 10_000;

  /**
   * When set, `/metrics` answers only `Authorization: Bearer <token>` (Prometheus's `authorization`
   * setting). The gateway, whose port is public, serves no metrics without it.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'METRICS_TOKEN must be at least 32 characters' })
  METRICS_TOKEN?: string;
}

export { toInt as toIntTransform, toList as toListTransform };

/** A 32-byte key, base64-encoded (e.g. `openssl rand -base64 32`). */
export const BASE64_KEY_32 = /^[A-Za-z0-9+/]{43}=$/;
export const base64KeyMessage = (name: string) => ({
  message: `${name} must be a 32-byte key, base64-encoded (openssl rand -base64 32)`,
});
