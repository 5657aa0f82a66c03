import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PlatformRunner, REPO_ROOT } from '../../scripts/lib/platform-runner';
import { ensureSchemathesis, SCHEMATHESIS_HOME } from '../api-fuzz/schemathesis';
import { E2eClient, SignedInMember } from '../support/e2e-client';
import { e2ePlatform } from '../support/e2e-platform';
import { testInfrastructure, uniqueSuffix } from '../support/test-infrastructure';

/**
 * Issue 14, item 9: the API document is exact. Schemathesis reads the platform's OpenAPI document and
 * sends what it says is valid (every answer must be a success, a documented refusal by role or by a
 * rule, never a 400 or a 5xx) and what it says is invalid (every answer must refuse it), with every
 * check on: statuses, headers and bodies as documented, 405 with Allow, and the stateful phase, which
 * creates events, invitations and registrations and goes on along the links between the operations.
 * Settings and hooks: test/api-fuzz/.
 */

const FUZZ_DIR = join(__dirname, '..', 'api-fuzz');

/**
 * Only against a run that hangs: the office's run takes about a minute on a quiet machine, five
 * beside the browser tests on two cores, and up to nine on a slow day (a clean-clone CI of
 * 2026-12-07 whose every step was a fifth slower: 547 s).
 */
const RUN_TIMEOUT_MS = 900_000;

/** The operations that end the caller's own session; each has a run of its own, last. */
const ENDS_THE_SESSION = '^/api/v1/(auth/logout|auth/session|members/me/leave|members/me/erasure)$';

type OpenApiOperations = Record<string, Record<string, { 'x-roles'?: string[] }>>;

/**
 * Schemathesis's filters for the operations the document says a member may not call (`x-roles`
 * without `member`). Called by a member, each answers 403 whatever it is sent, and the office's run
 * tests them; they were 51 of the member's 80 operations and most of its time.
 */
async function notForMembers(gatewayUrl: string): Promise<string[]> {
  const document = (await (await fetch(`${gatewayUrl}/api/openapi.json`)).json()) as {
    paths: OpenApiOperations;
  };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([, operation]) => operation['x-roles'] && !operation['x-roles'].includes('member'))
      .flatMap(([method]) => ['--exclude-name', `${method.toUpperCase()} ${path}`]),
  );
}

interface FuzzRun {
  readonly exitCode: number | null;
  readonly output: string;
}

/** The findings of a run as schemathesis prints them, for the assertion message. */
function findings(run: FuzzRun): string {
  const start = run.output.indexOf('= FAILURES =');
  const errors = run.output.indexOf('= ERRORS =');
  const from = [start, errors].filter((index) => index >= 0);
  return from.length > 0 ? run.output.slice(Math.min(...from), Math.min(...from) + 20_000) : '';
}

/** The figures of a run for the log: operations tested, cases generated and found, the verdict line. */
function summary(output: string): string {
  const lines = output.trim().split('\n');
  const operations = /Tested: (\d+)/.exec(output)?.[1];
  const cases = lines.find((line) => /\d+ generated/.test(line))?.trim();
  return [`${operations ?? '?'} operations tested`, cases ?? '', lines.at(-1)?.replace(/=+/g, '').trim()]
    .filter(Boolean)
    .join('; ');
}

const run = uniqueSuffix();
/** The services' logs, and each run's whole output (its phases and their times) beside them. */
const logDir = join(REPO_ROOT, '.cache', 'logs', `apifuzz${run}`);

describe('The API document against the running platform (schemathesis)', () => {
  let platform: PlatformRunner;
  let client: E2eClient;
  let schemathesis: string;
  let staffToken: string;
  let member: SignedInMember;
  let notForMembersFilters: string[];

  function fuzz(caller: string, token: string, selection: string[]): Promise<FuzzRun> {
    const args = [
      '--config-file',
      join(FUZZ_DIR, 'schemathesis.toml'),
      'run',
      `${platform.gatewayUrl}/api/openapi.json`,
      '--checks',
      'all',
      '--header',
      `Authorization: Bearer ${token}`,
      '--no-color',
      ...selection,
    ];
    return new Promise((resolve, reject) => {
      const child = spawn(schemathesis, args, {
        cwd: SCHEMATHESIS_HOME,
        env: {
          ...process.env,
          SCHEMATHESIS_HOOKS: 'hooks',
          PYTHONPATH: FUZZ_DIR,
          PYTHONDONTWRITEBYTECODE: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.once('error', reject);
      child.once('close', (exitCode) => {
        process.stderr.write(`[api fuzz] ${summary(output)}\n`);
        const outputFile = join(logDir, `schemathesis ${caller}.log`);
        writeFile(outputFile, output).then(() => resolve({ exitCode, output }), reject);
      });
    });
  }

  beforeAll(async () => {
    schemathesis = await ensureSchemathesis((line) => process.stderr.write(`${line}\n`));
    // Databases of its own: what the fuzzer creates (and the sign-in attempts it makes) stays here.
    platform = e2ePlatform({ databasePrefix: `apifuzz${run}`, logDir });
    await platform.start();
    client = new E2eClient(platform.gatewayUrl, testInfrastructure().mailSinkUrl);
    staffToken = await client.staffLogin(0);
    notForMembersFilters = await notForMembers(platform.gatewayUrl);
    member = await client.newMember(staffToken, {
      salutation: 'Herr',
      firstName: 'Fritz',
      lastName: `Fuzzer ${run}`,
      email: `fritz.${run}@e2e-api-fuzz.example`,
      organisation: 'Beispiel GmbH',
      sector: 'Wirtschaft',
      federalState: 'BE',
      themes: ['Digitalisierung'],
    });
  });

  afterAll(() => platform?.stop());

  it.each([
    ['as the office', () => staffToken, () => ['--exclude-path-regex', ENDS_THE_SESSION]],
    [
      'as a member',
      () => member.token,
      () => ['--exclude-path-regex', ENDS_THE_SESSION, ...notForMembersFilters],
    ],
    [
      'in the operations that end the session',
      () => member.token,
      () => ['--include-path-regex', ENDS_THE_SESSION],
    ],
  ])(
    'finds nothing %s',
    async (caller, token, selection) => {
      const result = await fuzz(caller, token(), selection());

      expect({ exitCode: result.exitCode, findings: findings(result) }).toEqual({
        exitCode: 0,
        findings: '',
      });
    },
    RUN_TIMEOUT_MS,
  );
});
