import { ConsoleLogger, LogLevel as NestLogLevel } from '@nestjs/common';
import { LOG_LEVELS, LogLevel } from '../config/service-env';

/** Nest's console logger, as JSON lines in production and readable lines on a developer's terminal. */
export function createLogger(service: string, level: LogLevel, format: 'json' | 'pretty'): ConsoleLogger {
  const enabled = LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1) as NestLogLevel[];
  return new ConsoleLogger(service, {
    logLevels: enabled,
    json: format === 'json',
    prefix: service,
    timestamp: true,
  });
}
