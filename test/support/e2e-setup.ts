import { quietKnownKafkajsWarnings } from '@ic/messaging';
import { isolateThisE2eWorker } from './test-infrastructure';

// End-to-end tests start the whole platform and drive it like a web client.
jest.setTimeout(240_000);
quietKnownKafkajsWarnings();
isolateThisE2eWorker();
