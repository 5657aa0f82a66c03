import { RemoteProblemError, ServiceUnavailableError, UpstreamTimeoutError } from '@ic/platform';
import { outcomeOf } from './rpc-client';

describe('outcomeOf', () => {
  it("names how a gateway's request ended for the latency metric", () => {
    const problem = { type: 'about:blank', title: 'Regel verletzt', status: 422 };

    expect(outcomeOf(new RemoteProblemError(problem))).toBe('error');
    expect(outcomeOf(new UpstreamTimeoutError('keine Antwort'))).toBe('timeout');
    expect(outcomeOf(new ServiceUnavailableError('nicht erreichbar'))).toBe('unavailable');
    expect(outcomeOf(new Error('Unreadable reply'))).toBe('error');
  });
});
