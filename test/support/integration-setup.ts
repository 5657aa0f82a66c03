import { quietKnownKafkajsWarnings } from '@ic/messaging';
import { useThisWorkersKafkaCluster } from './test-infrastructure';

// Integration tests start consumer groups and processes against a real broker: seconds, not ms.
jest.setTimeout(120_000);
quietKnownKafkajsWarnings();
useThisWorkersKafkaCluster();
