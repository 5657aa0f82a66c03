import {
  CallerIdentity,
  DeadLetterReply,
  DeadLetterRequests,
  DeadLetterSourceTopics,
  DeadLetterState,
  DeadLetterStates,
} from '@ic/contracts';
import { RpcClient } from '@ic/messaging';
import { describe, RemoteProblemError } from '@ic/platform';
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';

export const DLT_USAGE = `Usage: npm run dlt -- <command>

  list [--state open|redelivered|discarded] [--topic <topic>] [--all-pages]
                                   the dead letters, newest first (open ones by default)
  show <id>                        one with its reason, error, headers and body
  redeliver <id>                   send it back to its topic for the group that gave up on it (once)
  redeliver --all [--topic <t>]    every open one a service can read (of one topic), oldest first
  discard <id> --note "<why>"      close it without redelivery, with a note

Topics: ${DeadLetterSourceTopics.join(', ')}. KAFKA_BROKERS says where the broker is.`;

/** Who asks: the operator's account on this machine; having the broker's address is the operator's right. */
export function operatorIdentity(user = userInfo().username): CallerIdentity {
  return { subject: `cli:${user}`, roles: ['operations'] };
}

export interface CliOutput {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

class UsageError extends Error {}

/** Runs one `npm run dlt` command against the notifications service; returns the exit code. */
export async function runDeadLetterCommand(
  argv: readonly string[],
  rpc: Pick<RpcClient, 'send'>,
  output: CliOutput,
  identity: CallerIdentity = operatorIdentity(),
): Promise<number> {
  try {
    await run(argv, rpc, output, identity);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`✘ ${error.message}\n\n${DLT_USAGE}`);
      return 2;
    }
    if (error instanceof RemoteProblemError) {
      output.err(`✘ ${error.problem.title} (${error.problem.status}): ${error.problem.detail ?? ''}`);
      return 1;
    }
    output.err(`✘ ${describe(error)}`);
    return 1;
  }
}

async function run(
  argv: readonly string[],
  rpc: Pick<RpcClient, 'send'>,
  { out }: CliOutput,
  identity: CallerIdentity,
): Promise<void> {
  const { positionals, values } = parseCommand(argv);
  const [command, id, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`Unexpected ${extra.join(' ')}`);
  // Each write is one request: a retry of it on the broker acts once.
  const write = { identity, idempotencyKey: randomUUID() };
  switch (command) {
    case 'list': {
      const state = values.state ?? 'open';
      if (!isState(state)) throw new UsageError(`--state must be one of ${DeadLetterStates.join(', ')}`);
      const topic = topicOption(values.topic);
      let cursor: string | undefined;
      let shown = 0;
      do {
        const page = await rpc.send(
          DeadLetterRequests.list,
          { state, ...(topic ? { topic } : {}), limit: 100, ...(cursor ? { cursor } : {}) },
          { identity },
        );
        page.items.forEach((letter) => out(listLine(letter)));
        shown += page.items.length;
        cursor = values['all-pages'] ? (page.nextCursor ?? undefined) : undefined;
        if (page.nextCursor && !values['all-pages']) out('… more: add --all-pages');
      } while (cursor);
      out(`${shown} ${state}${topic ? ` on ${topic}` : ''}.`);
      return;
    }
    case 'show': {
      const letter = await rpc.send(DeadLetterRequests.show, { deadLetterId: required(id) }, { identity });
      out(JSON.stringify(letter, null, 2));
      return;
    }
    case 'redeliver': {
      if (values.all) {
        if (id) throw new UsageError('redeliver --all takes no id');
        const topic = topicOption(values.topic);
        const { redelivered } = await rpc.send(
          DeadLetterRequests.redeliverAll,
          topic ? { topic } : {},
          write,
        );
        redelivered.forEach((letter) => out(`✔ ${letter.id} → ${letter.topic} for ${letter.group}`));
        out(`${redelivered.length} redelivered.`);
        return;
      }
      const letter = await rpc.send(DeadLetterRequests.redeliver, { deadLetterId: required(id) }, write);
      out(`✔ ${letter.id} redelivered → ${letter.topic} for ${letter.group}`);
      return;
    }
    case 'discard': {
      if (!values.note) throw new UsageError('discard needs --note "<why>"');
      const letter = await rpc.send(
        DeadLetterRequests.discard,
        { deadLetterId: required(id), note: values.note },
        write,
      );
      out(`✔ ${letter.id} discarded: ${letter.discarded?.note ?? ''}`);
      return;
    }
    default:
      throw new UsageError(command ? `Unknown command ${command}` : 'No command');
  }
}

function parseCommand(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        state: { type: 'string' },
        topic: { type: 'string' },
        all: { type: 'boolean' },
        'all-pages': { type: 'boolean' },
        note: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(describe(error));
  }
}

function required(id: string | undefined): string {
  if (!id) throw new UsageError('Which dead letter? Give its id (see list)');
  return id;
}

type SourceTopic = (typeof DeadLetterSourceTopics)[number];

function topicOption(topic: string | undefined): SourceTopic | undefined {
  if (topic === undefined) return undefined;
  if (!isSourceTopic(topic)) {
    throw new UsageError(`--topic must be one of ${DeadLetterSourceTopics.join(', ')}`);
  }
  return topic;
}

function isSourceTopic(topic: string): topic is SourceTopic {
  return (DeadLetterSourceTopics as readonly string[]).includes(topic);
}

function isState(state: string): state is DeadLetterState {
  return (DeadLetterStates as readonly string[]).includes(state);
}

function listLine(letter: DeadLetterReply): string {
  const error = letter.error.length > 120 ? `${letter.error.slice(0, 119)}…` : letter.error;
  return [
    letter.id,
    letter.state,
    letter.failedAt,
    letter.group,
    letter.reason,
    letter.eventType ?? '(no type)',
    error,
  ].join('  ');
}
