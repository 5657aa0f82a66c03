import { DOCUMENT_CHUNK_BYTES, DocumentReply } from '@ic/contracts';
import { StoredDocument } from '../club-events/club-event';
import { toEventDocument } from '../club-events/club-event.mapper';

/** A document's metadata with how to read it: its event, and its content in chunks. */
export function toDocumentReply(eventId: string, document: StoredDocument): DocumentReply {
  return {
    ...toEventDocument(document),
    eventId,
    chunkBytes: DOCUMENT_CHUNK_BYTES,
    chunkCount: Math.ceil(document.sizeBytes / DOCUMENT_CHUNK_BYTES),
  };
}
