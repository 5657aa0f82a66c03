import { isolateThisOutageWorker } from './test-infrastructure';

// After e2e-setup.ts: the outage files run side by side, each worker on ports of its own.
isolateThisOutageWorker();
