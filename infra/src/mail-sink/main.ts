/**
 * The mail sink as a process of its own, so that stopping or killing a service never takes it down.
 * Started by the infrastructure provider: node --import tsx infra/src/mail-sink/main.ts --smtp-port … --web-port … --store …
 */
import { parseArgs } from 'node:util';
import { LOCALHOST } from '../settings';
import { startMailSink } from './mail-sink';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'smtp-port': { type: 'string' },
      'web-port': { type: 'string' },
      store: { type: 'string' },
    },
  });
  const smtpPort = Number(values['smtp-port']);
  const webPort = Number(values['web-port']);
  if (!Number.isInteger(smtpPort) || !Number.isInteger(webPort) || !values.store) {
    throw new Error('usage: main.ts --smtp-port <port> --web-port <port> --store <file.jsonl>');
  }

  const sink = await startMailSink({
    host: LOCALHOST,
    smtpPort,
    webPort,
    storeFile: values.store,
    warn: (line) => console.warn(`[mail-sink] ${line}`),
  });
  console.log(
    `[mail-sink] SMTP on ${LOCALHOST}:${sink.smtpPort}, web on http://${LOCALHOST}:${sink.webPort}`,
  );

  const shutdown = (): void => {
    sink.stop().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(`[mail-sink] stopping failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: Error) => {
  console.error(`[mail-sink] ${error.stack ?? error.message}`);
  process.exit(1);
});
