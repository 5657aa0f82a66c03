/**
 * Where the integration and end-to-end tests find Kafka and Mongo. `npm test` starts the
 * infrastructure and passes its endpoints in these variables; run a single test file by hand with
 * `npm run infra -- up --profile test` in another terminal and the printed variables exported.
 */
export interface TestInfrastructure {
  readonly kafkaBrokers: string[];
  readonly mongodbUri: string;
  readonly smtpHost?: string;
  readonly smtpPort?: number;
  readonly mailSinkUrl?: string;
}

export function testInfrastructure(): TestInfrastructure {
  const brokers = process.env.KAFKA_BROKERS;
  const mongodbUri = process.env.MONGODB_URI;
  if (!brokers || !mongodbUri) {
    throw new Error(
      'KAFKA_BROKERS and MONGODB_URI are not set. Run the tests with `npm test`, or start the test ' +
        'infrastructure with `npm run infra -- up --profile test` and export the variables it prints.',
    );
  }
  return {
    kafkaBrokers: brokers.split(','),
    mongodbUri,
    ...(process.env.SMTP_HOST ? { smtpHost: process.env.SMTP_HOST } : {}),
    ...(process.env.SMTP_PORT ? { smtpPort: Number(process.env.SMTP_PORT) } : {}),
    ...(process.env.MAIL_SINK_URL ? { mailSinkUrl: process.env.MAIL_SINK_URL } : {}),
  };
}

/** Lower-case letters only, so names fit every naming rule (topics, reply topics, databases). */
export function uniqueSuffix(length = 10): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return Array.from({ length }, () => letters[Math.floor(Math.random() * letters.length)]).join('');
}
