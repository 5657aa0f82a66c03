import { describeOutageOf } from './server-outage';

describeOutageOf('Kafka');
