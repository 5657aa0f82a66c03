import {
  Actor,
  BeginDocumentUploadRequest,
  DOCUMENT_CHUNK_BYTES,
  DocumentReply,
  DocumentUploadReply,
} from '@ic/contracts';
import { retryOnConcurrentChange } from '@ic/persistence';
import {
  Clock,
  ConflictError,
  InvalidInputError,
  NotFoundError,
  requireStaff,
  RuleViolationError,
} from '@ic/platform';
import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { StoredDocument } from '../../club-events/club-event';
import { EventMessages } from '../../club-events/club-event.messages';
import { ClubEventsRepository } from '../../club-events/club-events.repository';
import { DocumentMessages } from '../document.messages';
import { toDocumentReply } from '../document.mapper';
import { DocumentUpload, DocumentUploadsRepository } from '../document-uploads.repository';
import { contentMatches, mediaTypeName, recognisedAs, SNIFF_BYTES } from '../media-types';

/** An upload must be completed within a day; the clean-up removes what is left after that. */
export const UPLOAD_VALIDITY_MS = 24 * 60 * 60 * 1000;

/**
 * The office uploads a document for an event in three steps, so that no Kafka message exceeds the
 * broker's limit: begin (metadata, size and SHA-256), the chunks (each stored once, a resent chunk
 * is harmless), complete (every chunk there, size, checksum and content type right). Only then is
 * the document added to the event (EventDocumentAdded); a refused upload is deleted whole.
 */
@Injectable()
export class UploadDocumentUseCase {
  private readonly logger = new Logger(UploadDocumentUseCase.name);

  constructor(
    private readonly uploads: DocumentUploadsRepository,
    private readonly events: ClubEventsRepository,
    private readonly clock: Clock,
  ) {}

  async begin(
    eventId: string,
    request: BeginDocumentUploadRequest,
    actor: Actor,
  ): Promise<DocumentUploadReply> {
    requireStaff(actor);
    const event = await this.events.load(eventId);
    if (!event) throw new NotFoundError(EventMessages.notFound);
    const refusal = event.documentRefusal();
    if (refusal) throw refusal;
    if (request.kind === 'programme' && request.mediaType !== 'application/pdf') {
      throw new RuleViolationError(DocumentMessages.programmeMustBePdf, [
        { field: 'mediaType', message: DocumentMessages.programmeMustBePdf },
      ]);
    }
    const now = this.clock.now();
    const chunkCount = Math.ceil(request.sizeBytes / DOCUMENT_CHUNK_BYTES);
    const uploadId = randomUUID();
    await this.uploads.insert({
      uploadId,
      eventId,
      kind: request.kind,
      title: request.title,
      fileName: request.fileName,
      mediaType: request.mediaType,
      sizeBytes: request.sizeBytes,
      sha256: request.sha256,
      chunkCount,
      uploadedBy: actor,
      state: 'receiving',
      createdAt: now,
      updatedAt: now,
    });
    return { uploadId, chunkBytes: DOCUMENT_CHUNK_BYTES, chunkCount };
  }

  async receiveChunk(
    uploadId: string,
    index: number,
    data: string,
    actor: Actor,
  ): Promise<{ stored: number }> {
    requireStaff(actor);
    const upload = await this.receivingUpload(uploadId);
    if (index >= upload.chunkCount) {
      throw new InvalidInputError(DocumentMessages.chunkIndex(upload.chunkCount), [
        { field: 'index', message: DocumentMessages.chunkIndex(upload.chunkCount) },
      ]);
    }
    const bytes = Buffer.from(data, 'base64');
    const expected = chunkSize(upload, index);
    if (bytes.length !== expected) {
      throw new InvalidInputError(DocumentMessages.chunkSize(index, expected), [
        { field: 'data', message: DocumentMessages.chunkSize(index, expected) },
      ]);
    }
    if ((await this.uploads.storeChunk(uploadId, index, bytes)) === 'different') {
      throw new ConflictError(DocumentMessages.chunkDiffers(index));
    }
    return { stored: index };
  }

  async complete(uploadId: string, actor: Actor, correlationId?: string): Promise<DocumentReply> {
    requireStaff(actor);
    const upload = await this.uploads.find(uploadId);
    if (!upload || upload.state === 'removing') throw new NotFoundError(DocumentMessages.uploadNotFound);
    if (upload.state === 'receiving') {
      this.assertNotExpired(upload);
      await this.assertAllChunksPresent(upload);
      await this.verifyContent(upload);
    }
    const document = await this.addToEvent(upload, actor, correlationId);
    if (upload.state !== 'completed') await this.uploads.setState(uploadId, 'completed', this.clock.now());
    return toDocumentReply(upload.eventId, document);
  }

  private async receivingUpload(uploadId: string): Promise<DocumentUpload> {
    const upload = await this.uploads.find(uploadId);
    if (!upload || upload.state === 'removing') throw new NotFoundError(DocumentMessages.uploadNotFound);
    if (upload.state === 'completed') throw new ConflictError(DocumentMessages.uploadFinished);
    this.assertNotExpired(upload);
    return upload;
  }

  private assertNotExpired(upload: DocumentUpload): void {
    if (this.clock.now().getTime() - upload.createdAt.getTime() > UPLOAD_VALIDITY_MS) {
      throw new ConflictError(DocumentMessages.uploadExpired);
    }
  }

  private async assertAllChunksPresent(upload: DocumentUpload): Promise<void> {
    const missing = await this.uploads.missingChunks(upload.uploadId, upload.chunkCount);
    if (missing.length > 0) {
      throw new ConflictError(DocumentMessages.chunksMissing(missing), [
        { field: 'chunks', message: DocumentMessages.chunksMissing(missing) },
      ]);
    }
  }

  /** Reads the content once, in order: its size, checksum and first bytes must be what was announced. */
  private async verifyContent(upload: DocumentUpload): Promise<void> {
    const hash = createHash('sha256');
    let size = 0;
    let head: Buffer = Buffer.alloc(0);
    for (let index = 0; index < upload.chunkCount; index++) {
      const chunk = await this.uploads.readChunk(upload.uploadId, index);
      if (!chunk) throw new ConflictError(DocumentMessages.chunksMissing([index]));
      if (index === 0) head = chunk.subarray(0, SNIFF_BYTES);
      hash.update(chunk);
      size += chunk.length;
    }
    const problem =
      size !== upload.sizeBytes
        ? { field: 'sizeBytes', message: DocumentMessages.sizeMismatch(upload.sizeBytes, size) }
        : hash.digest('hex') !== upload.sha256
          ? { field: 'sha256', message: DocumentMessages.hashMismatch }
          : !contentMatches(upload.mediaType, head)
            ? {
                field: 'mediaType',
                message: DocumentMessages.typeMismatch(mediaTypeName(upload.mediaType), recognisedAs(head)),
              }
            : undefined;
    if (problem) {
      await this.uploads.delete(upload.uploadId);
      this.logger.warn(`Refused upload ${upload.uploadId} for event ${upload.eventId}: ${problem.field}`);
      throw new RuleViolationError(problem.message, [problem]);
    }
  }

  /**
   * Adds the document to the event once and returns it as stored; a repeated completion finds it
   * there already. An event that takes no more documents (cancelled meanwhile, or full) refuses
   * it, and the upload is deleted.
   */
  private async addToEvent(
    upload: DocumentUpload,
    actor: Actor,
    correlationId?: string,
  ): Promise<StoredDocument> {
    return retryOnConcurrentChange(async () => {
      const event = await this.events.load(upload.eventId);
      if (!event) throw new NotFoundError(EventMessages.notFound);
      const existing = event.documentById(upload.uploadId);
      if (existing) return existing;
      const refusal = event.documentRefusal();
      if (refusal) {
        await this.uploads.delete(upload.uploadId);
        throw refusal;
      }
      const now = this.clock.now();
      const document = documentOf(upload, now);
      event.addDocument(document, actor, now);
      await this.events.save(event, correlationId);
      return document;
    });
  }
}

/** Every chunk is DOCUMENT_CHUNK_BYTES long but the last, which holds the rest. */
function chunkSize(upload: DocumentUpload, index: number): number {
  return index < upload.chunkCount - 1
    ? DOCUMENT_CHUNK_BYTES
    : upload.sizeBytes - DOCUMENT_CHUNK_BYTES * (upload.chunkCount - 1);
}

function documentOf(upload: DocumentUpload, uploadedAt: Date): StoredDocument {
  return {
    documentId: upload.uploadId,
    kind: upload.kind,
    title: upload.title,
    fileName: upload.fileName,
    mediaType: upload.mediaType,
    sizeBytes: upload.sizeBytes,
    sha256: upload.sha256,
    uploadedAt,
    uploadedBy: upload.uploadedBy,
  };
}
