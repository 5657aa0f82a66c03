import {
  ClubEventReply,
  EventsRequests,
  ParticipantFilterQuery,
  RegistrationReply,
  RegistrationsRequests,
} from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging/client';
import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { fileNameSlug } from '../http/content-disposition';
import { participantsCsvHead, participantsCsvLines } from './participants-csv';

/** Participants per request to the registrations service while exporting (its largest page). */
const PAGE_SIZE = 100;

/**
 * The participant list as a CSV stream, page after page from the registrations service, so that
 * no reply and no response is ever held whole. The first page is read before anything is sent, so
 * that a refusal (not staff, unknown event) is still a problem+json answer.
 */
@Injectable()
export class ParticipantsExport {
  constructor(private readonly rpc: RpcClient) {}

  async csv(
    eventId: string,
    query: ParticipantFilterQuery,
    call: SendOptions,
  ): Promise<{ fileName: string; content: Readable }> {
    const first = await this.page(eventId, query, undefined, call);
    const event = await this.rpc.send(EventsRequests.get, { eventId }, call);
    return {
      fileName: participantsFileName(event),
      content: Readable.from(this.lines(eventId, query, first, call), { objectMode: false }),
    };
  }

  private async *lines(
    eventId: string,
    query: ParticipantFilterQuery,
    first: { items: readonly RegistrationReply[]; nextCursor: string | null },
    call: SendOptions,
  ): AsyncGenerator<Buffer> {
    yield Buffer.from(participantsCsvHead(), 'utf8');
    let page = first;
    for (;;) {
      yield Buffer.from(page.items.map(participantsCsvLines).join(''), 'utf8');
      if (!page.nextCursor) return;
      page = await this.page(eventId, query, page.nextCursor, call);
    }
  }

  private page(
    eventId: string,
    query: ParticipantFilterQuery,
    cursor: string | undefined,
    call: SendOptions,
  ) {
    return this.rpc.send(
      RegistrationsRequests.participants,
      { ...query, eventId, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) },
      call,
    );
  }
}

/**
 * A plain name that every program and file system takes as it is, in ASCII (umlauts spelt out):
 * „Innovators Lounge Kiel“ on 4 March 2027 → `teilnehmende-innovators-lounge-kiel-2027-03-04.csv`.
 * The day is the event's first day in Berlin (its start carries the Berlin offset).
 */
export function participantsFileName(event: Pick<ClubEventReply, 'title' | 'startsAt'>): string {
  const slug = fileNameSlug(event.title);
  const day = event.startsAt?.slice(0, 10);
  return `${['teilnehmende', slug, day].filter(Boolean).join('-')}.csv`;
}
