import { createServer } from 'node:net';
import { InfraSetupError, LOCALHOST, type PortClaim } from '../settings';

/** Fails with one line per taken port, each naming the variable that moves it. */
export async function assertPortsFree(claims: readonly PortClaim[]): Promise<void> {
  const taken: PortClaim[] = [];
  for (const claim of claims) {
    if (!(await isPortFree(claim.port))) taken.push(claim);
  }
  if (taken.length > 0) throw new InfraSetupError(taken.map(portInUseMessage).join('\n'));
}

export function portInUseMessage(claim: PortClaim): string {
  return (
    `Port ${claim.port} (${claim.service}) is already in use. ` +
    `Stop the process that holds it or set ${claim.envVar} to a free port.`
  );
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolvePromise, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') resolvePromise(false);
      else reject(error);
    });
    probe.listen({ port, host: LOCALHOST, exclusive: true }, () => probe.close(() => resolvePromise(true)));
  });
}
