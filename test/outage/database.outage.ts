import { describeOutageOf } from './server-outage';

describeOutageOf('MongoDB');
