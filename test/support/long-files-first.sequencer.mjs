// @ts-check
import Sequencer from '@jest/test-sequencer';
import { basename } from 'node:path';

/**
 * Test files known to run for minutes. Jest starts the files it has timed before longest first, but
 * a fresh clone (CI) has no timings, and it then goes by file size: the API fuzz test, small and the
 * longest of the end-to-end files (two to four minutes), started last, while the other worker sat idle.
 */
const LONG_RUNNING = ['api-fuzz.e2e.ts', 'registration-mails-burst.e2e.ts'];

class LongFilesFirstSequencer extends Sequencer {
  /** @param {import('@jest/test-result').Test[]} tests */
  async sort(tests) {
    const sorted = await super.sort(tests);
    const rank = (/** @type {import('@jest/test-result').Test} */ test) => {
      const index = LONG_RUNNING.indexOf(basename(test.path));
      return index === -1 ? LONG_RUNNING.length : index;
    };
    // Array.prototype.sort is stable: the other files keep jest's order.
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}

export default LongFilesFirstSequencer;
