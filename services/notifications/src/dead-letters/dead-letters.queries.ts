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
import { DEFAULT_PAGE_SIZE, NotFoundError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { decodeTimeCursor, encodeTimeCursor, pageOf } from '../paging/newest-first-page';
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
    return pageOf(found, limit, toDeadLetterReply, encodeDeadLetterCursor);
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
  return encodeTimeCursor(CURSOR_LIST, { at: position.failedAt, id: position.id });
}

export function decodeDeadLetterCursor(cursor: string): DeadLetterPosition {
  const { at, id } = decodeTimeCursor(CURSOR_LIST, cursor);
  return { failedAt: at, id };
}
