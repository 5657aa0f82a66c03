import { Actor, ClubEventReply } from '@ic/contracts';
import { retryOnConcurrentChange } from '@ic/persistence';
import { Clock, NotFoundError, requireStaff } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { EventMessages } from '../../club-events/club-event.messages';
import { toSnapshot } from '../../club-events/club-event.mapper';
import { ClubEventsRepository } from '../../club-events/club-events.repository';
import { DocumentMessages } from '../document.messages';
import { DocumentUploadsRepository } from '../document-uploads.repository';

/**
 * The office removes a document: the event drops it (EventDocumentRemoved), then its content is
 * deleted. The upload is marked `removing` first, so that a crash in between leaves nothing
 * behind for good: the clean-up finishes what the event no longer lists.
 */
@Injectable()
export class RemoveDocumentUseCase {
  constructor(
    private readonly events: ClubEventsRepository,
    private readonly uploads: DocumentUploadsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(
    eventId: string,
    documentId: string,
    actor: Actor,
    correlationId?: string,
  ): Promise<ClubEventReply> {
    requireStaff(actor);
    const current = await this.events.findById(eventId);
    if (!current) throw new NotFoundError(EventMessages.notFound);
    if (!current.documents.some((document) => document.documentId === documentId)) {
      throw new NotFoundError(DocumentMessages.notFound);
    }
    await this.uploads.setState(documentId, 'removing', this.clock.now());
    const updated = await retryOnConcurrentChange(async () => {
      const event = await this.events.load(eventId);
      if (!event) throw new NotFoundError(EventMessages.notFound);
      event.removeDocument(documentId, actor, this.clock.now());
      return this.events.save(event, correlationId);
    });
    await this.uploads.delete(documentId);
    return toSnapshot(updated);
  }
}
