import { ConsoleLogger } from '@nestjs/common';
import { LOG_LEVELS, LogLevel } from '../config/service-env';
import { activeSpanIds } from '../tracing/trace-context';
import { currentCorrelationId } from './log-context';

/** Who writes the log lines: a service's name and the instance of it. */
export interface LogSource {
  readonly service: string;
  readonly instance: string;
}

/**
 * The logger of a service process: Nest's console logger, as JSON lines in production and readable
 * lines on a developer's terminal. In JSON mode each line also names the service, the instance, the request's
 * or message's correlation id and, when tracing is on, the trace and span it was written in, so that
 * a log collector links a line to its trace.
 */
export class PlatformLogger extends ConsoleLogger {
  constructor(
    private readonly source: LogSource,
    level: LogLevel,
    format: 'json' | 'pretty',
  ) {
    super(source.service, {
      logLevels: LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1),
      json: format === 'json',
      prefix: source.service,
      timestamp: true,
    });
  }

  protected override getJsonLogObject(...args: Parameters<ConsoleLogger['getJsonLogObject']>) {
    const correlationId = currentCorrelationId();
    return {
      ...super.getJsonLogObject(...args),
      service: this.source.service,
      instance: this.source.instance,
      ...(correlationId ? { correlationId } : {}),
      ...activeSpanIds(),
    };
  }
}
