import { describeFuzzRuns, ENDS_THE_SESSION } from '../api-fuzz/fuzz-the-api';

// The API document against the platform as a member sees it, the operations that end the member's
// session last (test/api-fuzz/fuzz-the-api.ts).
describeFuzzRuns([
  { caller: 'as a member', as: 'member', selection: ['--exclude-path-regex', ENDS_THE_SESSION] },
  {
    caller: 'in the operations that end the session',
    as: 'member',
    selection: ['--include-path-regex', ENDS_THE_SESSION],
  },
]);
