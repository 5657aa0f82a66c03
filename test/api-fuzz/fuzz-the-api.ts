import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PlatformRunner, REPO_ROOT } from '../../scripts/lib/platform-runner';
import { E2eClient } from '../support/e2e-client';
import { e2ePlatform } from '../support/e2e-platform';
import { testInfrastructure, uniqueSuffix } from '../support/test-infrastructure';
import { ensureSchemathesis, SCHEMATHESIS_HOME } from './schemathesis';

/**
 * Issue 14, item 9: the API document is exact. Schemathesis reads the platform's OpenAPI document and
 * sends what it says is valid (every answer must be a success, a documented refusal by role or by a
 * rule, never a 400 or a 5xx) and what it says is invalid (every answer must refuse it), with every
 * check on: statuses, headers and bodies as documented, 405 with Allow, and the stateful phase, which
 * creates events, invitations and registrations and goes on along the links between the operations.
 * Settings and hooks beside this file. The office's run and the member's are files of their own
 * (test/e2e/api-fuzz-*.e2e.ts), so that the e2e workers run them side by side.
 */

/** A run takes about a minute and a half on a quiet machine; beside the browser tests on two cores, up to five. */
const RUN_TIMEOUT_MS = 480_000;

/** The operations that end the caller's own session; each has a run of its own, last. */
export const ENDS_THE_SESSION = '^/api/v1/(auth/logout|auth/session|members/me/leave|members/me/erasure)$';

/** Who the fuzzer calls as, and which operations it calls (schemathesis's path filters). */
export interface FuzzRun {
  readonly caller: 'as the office' | 'as a member' | 'in the operations that end the session';
  readonly as: 'office' | 'member';
  readonly selection: readonly string[];
}

interface FuzzOutcome {
  readonly exitCode: number | null;
  readonly output: string;
}

/** The findings of a run as schemathesis prints them, for the assertion message. */
function findings(outcome: FuzzOutcome): string {
  const start = outcome.output.indexOf('= FAILURES =');
  const errors = outcome.output.indexOf('= ERRORS =');
  const from = [start, errors].filter((index) => index >= 0);
  return from.length > 0 ? outcome.output.slice(Math.min(...from), Math.min(...from) + 20_000) : '';
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

/**
 * The runs of one test file, one after the other, against a platform of its own (in databases of its
 * own: what the fuzzer creates, and the sign-in attempts it makes, stay there).
 */
export function describeFuzzRuns(runs: readonly FuzzRun[]): void {
  const run = uniqueSuffix();
  /** The services' logs, and each run's whole output (its phases and their times) beside them. */
  const logDir = join(REPO_ROOT, '.cache', 'logs', `apifuzz${run}`);

  describe('The API document against the running platform (schemathesis)', () => {
    let platform: PlatformRunner;
    let schemathesis: string;
    const tokens: Partial<Record<FuzzRun['as'], string>> = {};

    function fuzz(caller: string, token: string, selection: readonly string[]): Promise<FuzzOutcome> {
      const args = [
        '--config-file',
        join(__dirname, 'schemathesis.toml'),
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
            PYTHONPATH: __dirname,
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
      platform = e2ePlatform({ databasePrefix: `apifuzz${run}`, logDir });
      await platform.start();
      const client = new E2eClient(platform.gatewayUrl, testInfrastructure().mailSinkUrl);
      tokens.office = await client.staffLogin(0);
      if (runs.some((fuzzRun) => fuzzRun.as === 'member')) {
        const member = await client.newMember(tokens.office, {
          salutation: 'Herr',
          firstName: 'Fritz',
          lastName: `Fuzzer ${run}`,
          email: `fritz.${run}@e2e-api-fuzz.example`,
          organisation: 'Beispiel GmbH',
          sector: 'Wirtschaft',
          federalState: 'BE',
          themes: ['Digitalisierung'],
        });
        tokens.member = member.token;
      }
    });

    afterAll(() => platform?.stop());

    it.each(runs.map((fuzzRun) => [fuzzRun.caller, fuzzRun] as const))(
      'finds nothing %s',
      async (caller, { as, selection }) => {
        const outcome = await fuzz(caller, tokens[as] ?? '', selection);

        expect({ exitCode: outcome.exitCode, findings: findings(outcome) }).toEqual({
          exitCode: 0,
          findings: '',
        });
      },
      RUN_TIMEOUT_MS,
    );
  });
}
