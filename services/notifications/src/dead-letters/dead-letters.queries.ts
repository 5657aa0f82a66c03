import {
  CallerIdentity,
  DeadLetterDetailReply,
  DeadLetterFiguresReply,
  DeadLetterIdRequest,
  DeadLetterListQuery,
  DeadLetterReply,
  DeadLetterSourceTopics,
  Page,
} from '@ic/contracts';
import {
  cursorNamesNoPage,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  NotFoundError,
} from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { assertOperator, toDeadLetterReply } from './dead-letter.rules';
import { DeadLetterPosition, DeadLettersRepository } from './dead-letters.repository';

/** The dead letters for the operators: the list (newest first, paged), one with its message, the open ones per topic. */
@Injectable()
export class DeadLetterQueries {
  constructor(private readonly deadLetters: DeadLettersRepository) {}

  async list(query: DeadLetterListQuery, identity: CallerIdentity): Promise<Page<DeadLetterReply>> {
    assertOperator(identity);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor === undefined ? undefined : decodeDeadLetterCursor(query.cursor);
    const found = await this.deadLetters.list({ state: query.state, topic: query.topic }, limit + 1, after);
    const items = found.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(toDeadLetterReply),
      nextCursor:
        found.length > limit && last
          ? encodeDeadLetterCursor({ failedAt: last.failedAt, id: last.id })
          : null,
    };
  }

  async show(request: DeadLetterIdRequest, identity: CallerIdentity): Promise<DeadLetterDetailReply> {
    assertOperator(identity);
    const letter = await this.deadLetters.find(request.deadLetterId);
    if (!letter) throw new NotFoundError('Diese Nachricht gibt es unter den nicht zugestellten nicht.');
    return {
      ...toDeadLetterReply(letter),
      headers: letter.headers,
      body: letter.value === null ? null : letter.value.toString('utf8'),
    };
  }

  async figures(identity: CallerIdentity): Promise<DeadLetterFiguresReply> {
    assertOperator(identity);
    const openByTopic = await Promise.all(
      DeadLetterSourceTopics.map(async (topic) => ({ topic, open: await this.deadLetters.countOpen(topic) })),
    );
    return { open: openByTopic.reduce((sum, { open }) => sum + open, 0), openByTopic };
  }
}

const CURSOR_LIST = 'dead-letters';

export function encodeDeadLetterCursor(position: DeadLetterPosition): string {
  return encodeCursor(CURSOR_LIST, `${position.failedAt.toISOString()}|${position.id}`);
}

export function decodeDeadLetterCursor(cursor: string): DeadLetterPosition {
  const key = decodeCursor(CURSOR_LIST, cursor);
  const separator = key.indexOf('|');
  const failedAt = new Date(key.slice(0, separator));
  const id = key.slice(separator + 1);
  if (
    separator < 0 ||
    Number.isNaN(failedAt.getTime()) ||
    failedAt.toISOString() !== key.slice(0, separator) ||
    !id
  ) {
    throw cursorNamesNoPage();
  }
  return { failedAt, id };
}
