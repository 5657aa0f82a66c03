import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlatformRunner } from './platform-runner';

describe('PlatformRunner', () => {
  let occupied: Server;
  let port: number;

  beforeAll(async () => {
    occupied = createServer();
    await new Promise<void>((resolve) => occupied.listen(0, '127.0.0.1', resolve));
    port = (occupied.address() as { port: number }).port;
  });

  afterAll(() => new Promise<void>((resolve) => occupied.close(() => resolve())));

  it('refuses to start a platform on a port something listens on, naming the port and the service', async () => {
    const platform = new PlatformRunner({
      env: {},
      portBase: port,
      logDir: join(tmpdir(), 'platform-runner-spec'),
      log: () => undefined,
    });

    await expect(platform.start()).rejects.toThrow(
      `Port ${port} for gateway is in use (another platform on these ports?)`,
    );
    expect(platform.running().every((service) => service.pid === -1)).toBe(true);
  });
});
