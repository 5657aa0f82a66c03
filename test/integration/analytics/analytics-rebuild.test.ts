import { AnalyticsRequests } from '@ic/contracts';
import { spawn } from 'node:child_process';
import { Generation } from '../../../services/analytics/src/projections/generation';
import {
  GENERATIONS_COLLECTION,
  GenerationState,
} from '../../../services/analytics/src/projections/generations.repository';
import { ManagedProcess, REPO_ROOT } from '../../support/child-process';
import { eventually } from '../../support/eventually';
import { uniqueSuffix } from '../../support/test-infrastructure';
import { AnalyticsUnderTest, StreamFigures, STAFF } from './analytics-service';
import { ClubStream } from './club-stream';

/**
 * `npm run analytics:rebuild` against the running service, on real Kafka and the database with a few
 * thousand events: the figures afterwards equal those before, readers never see half a rebuild,
 * the command shows its progress and reports the throughput; a restart in the middle of a
 * rebuild carries it on.
 */
describe('analytics rebuild', () => {
  const stream = new ClubStream(uniqueSuffix(), { members: 250, events: 16 });
  const analytics = new AnalyticsUnderTest();
  let before: StreamFigures;
  let instance: ManagedProcess;

  beforeAll(async () => {
    await analytics.publish(stream);
    instance = await analytics.start();
    await analytics.caughtUp();
    before = await analytics.figuresOf(stream);
  });

  afterAll(() => analytics.stop());

  it('replays every topic into a new generation, to the same figures, showing progress and throughput', async () => {
    const { generation } = await analytics.status();
    const command = runRebuildCommand();
    // Readers see the old generation until the new one has caught up, then the new one: never a part.
    let reads = 0;
    while (command.exitCode === undefined) {
      expect(await analytics.overviewOf(stream)).toEqual(before.overview);
      reads += 1;
    }
    const output = await command.done;
    console.log(`${output}\n(figures read ${reads} times while the rebuild ran, always complete)`);

    expect(command.exitCode).toBe(0);
    expect(output).toMatch(
      /ic\.membership\.v1 \d+\/\d+ {2}ic\.events\.v1 \d+\/\d+ {2}ic\.registrations\.v1 \d+\/\d+/,
    );
    const summary = /✔ Rebuilt: (\d+) events replayed in ([\d.]+) s, (\d+) events\/s/.exec(output);
    expect(summary).not.toBeNull();
    const status = await analytics.status();
    expect(status.generation).toBe(generation + 1);
    expect(status.lastRebuild).toMatchObject({ generation: generation + 1, events: Number(summary?.[1]) });
    expect(status.lastRebuild?.events).toBeGreaterThanOrEqual(stream.size);
    expect(await analytics.figuresOf(stream)).toEqual(before);
  });

  it('then drops the old generation’s collections and consumer group', async () => {
    const { generation } = await analytics.status();
    const old = new Generation(generation - 1, analytics.service.database);
    await eventually(
      async () => {
        const names = (await analytics.service.db.listCollections().toArray()).map(({ name }) => name);
        expect(names.filter((name) => name.startsWith(`g${generation - 1}_`))).toEqual([]);
        const groups = await analytics.kafka.withAdmin((admin) => admin.listGroups());
        expect(groups.groups.map((group) => group.groupId)).not.toContain(old.groupId);
      },
      90_000,
      1000,
    );
  });

  it('carries a rebuild on after the service is killed in the middle of it', async () => {
    const { generation } = await analytics.status();
    const { started } = await analytics.service.send(AnalyticsRequests.rebuild, {}, STAFF);
    expect(started).toBe(true);
    // At once: a rebuild of these few thousand events may be done before a status request answers.
    await instance.kill();
    // Killed before the switch: the old generation is still the current one, the rebuild recorded.
    const state = await analytics.service.db
      .collection<GenerationState>(GENERATIONS_COLLECTION)
      .findOne({ _id: 'state' });
    console.log(
      `analytics killed with SIGKILL during the rebuild into generation ${state?.rebuild?.generation}`,
    );
    expect(state).toMatchObject({ current: generation, rebuild: { generation: generation + 1 } });
    await analytics.start();
    const status = await eventually(async () => {
      const current = await analytics.status();
      expect(current.generation).toBe(generation + 1);
      return current;
    }, 180_000);
    expect(status.lastRebuild?.generation).toBe(generation + 1);
    expect(await analytics.figuresOf(stream)).toEqual(before);
  });
});

/** `npm run analytics:rebuild` as a person runs it, against this test's broker. */
function runRebuildCommand(): { exitCode: number | null | undefined; done: Promise<string> } {
  const child = spawn('npm', ['run', '--silent', 'analytics:rebuild'], {
    cwd: REPO_ROOT,
    env: { ...process.env, KAFKA_BROKERS: process.env.KAFKA_BROKERS },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const command: { exitCode: number | null | undefined; done: Promise<string> } = {
    exitCode: undefined,
    done: new Promise((resolve) =>
      child.once('exit', (code) => {
        command.exitCode = code;
        resolve(output);
      }),
    ),
  };
  return command;
}
