import { DocumentReply } from '@ic/contracts';
import { NotFoundError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { isPublished, StoredDocument } from '../club-events/club-event';
import { EventMessages } from '../club-events/club-event.messages';
import { ClubEventsRepository } from '../club-events/club-events.repository';
import { Viewer } from '../club-events/viewer';
import { DocumentMessages } from './document.messages';
import { toDocumentReply } from './document.mapper';
import { DocumentUploadsRepository } from './document-uploads.repository';

/** Reading documents: whoever may see the event may read the documents it lists. */
@Injectable()
export class DocumentsQueries {
  constructor(
    private readonly events: ClubEventsRepository,
    private readonly uploads: DocumentUploadsRepository,
  ) {}

  async get(eventId: string, documentId: string, viewer: Viewer): Promise<DocumentReply> {
    return toDocumentReply(eventId, await this.listed(eventId, documentId, viewer));
  }

  async readChunk(
    eventId: string,
    documentId: string,
    index: number,
    viewer: Viewer,
  ): Promise<{ data: string }> {
    const document = toDocumentReply(eventId, await this.listed(eventId, documentId, viewer));
    if (index >= document.chunkCount) throw new NotFoundError(DocumentMessages.notFound);
    const chunk = await this.uploads.readChunk(documentId, index);
    if (!chunk) throw new NotFoundError(DocumentMessages.notFound);
    return { data: chunk.toString('base64') };
  }

  private async listed(eventId: string, documentId: string, viewer: Viewer): Promise<StoredDocument> {
    const event = await this.events.findById(eventId);
    if (!event || (viewer !== 'staff' && !isPublished(event)))
      throw new NotFoundError(EventMessages.notFound);
    const document = event.documents.find((candidate) => candidate.documentId === documentId);
    if (!document) throw new NotFoundError(DocumentMessages.notFound);
    return document;
  }
}
