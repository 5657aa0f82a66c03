import { createServer, type AddressInfo, type Server } from 'node:net';
import type { PortClaim } from '../settings';
import { assertPortsFree, isPortFree } from './ports';

async function occupyPort(host = '127.0.0.1'): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

function release(server: Server): Promise<void> {
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

const kafkaOn = (port: number): PortClaim => ({ port, service: 'Kafka', envVar: 'IC_KAFKA_PORT' });
const smtpOn = (port: number): PortClaim => ({ port, service: 'SMTP sink', envVar: 'IC_SMTP_PORT' });

describe(assertPortsFree.name, () => {
  const occupied: Server[] = [];
  const takePort = async (): Promise<number> => {
    const { server, port } = await occupyPort();
    occupied.push(server);
    return port;
  };

  afterEach(async () => {
    await Promise.all(occupied.splice(0).map(release));
  });

  it('names the taken port, what wanted it and the variable that moves it', async () => {
    const port = await takePort();

    await expect(assertPortsFree([kafkaOn(port)])).rejects.toThrow(
      `Port ${port} (Kafka) is already in use. Stop the process that holds it or set IC_KAFKA_PORT to a free port.`,
    );
  });

  it('reports each taken port on a line of its own', async () => {
    const [kafkaPort, smtpPort] = [await takePort(), await takePort()];

    await expect(assertPortsFree([kafkaOn(kafkaPort), smtpOn(smtpPort)])).rejects.toThrow(
      new RegExp(`IC_KAFKA_PORT to a free port\\.\\nPort ${smtpPort} \\(SMTP sink\\)`),
    );
  });

  it('passes when every port is free', async () => {
    const { server, port } = await occupyPort();
    await release(server);

    await expect(assertPortsFree([kafkaOn(port)])).resolves.toBeUndefined();
  });
});

describe(isPortFree.name, () => {
  it('sees a port held by a server listening on all interfaces', async () => {
    const { server, port } = await occupyPort('0.0.0.0');

    await expect(isPortFree(port)).resolves.toBe(false);
    await release(server);
  });
});
