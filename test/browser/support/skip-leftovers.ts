/**
 * Moves the services' consumer groups past what earlier tests left on the shared broker, as
 * `npm test` does before the end-to-end tests, so that the platform of the browser tests does not
 * first work through a backlog (the mails a test waits for would queue behind it). A group with
 * running instances belongs to services someone else runs on the broker: it is left as it is. The
 * global setup runs this file with tsx: Playwright's compiler cannot load the contracts' decorated classes.
 */
import { skipLeftoversOfEarlierTests } from '../../conformance/stream-positions';
import { testInfrastructure } from '../../support/test-infrastructure';

skipLeftoversOfEarlierTests(testInfrastructure().kafkaBrokers, { leaveBusyGroups: true }).then(
  (busy) => {
    if (busy.length > 0)
      console.log(`consumer groups with running instances, left as they are: ${busy.join(', ')}`);
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
