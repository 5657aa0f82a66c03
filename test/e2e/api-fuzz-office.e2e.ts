import { describeFuzzRuns, ENDS_THE_SESSION } from '../api-fuzz/fuzz-the-api';

// The API document against the platform as the office sees it (test/api-fuzz/fuzz-the-api.ts).
describeFuzzRuns([
  { caller: 'as the office', as: 'office', selection: ['--exclude-path-regex', ENDS_THE_SESSION] },
]);
