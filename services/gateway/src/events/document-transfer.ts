import {
  BeginDocumentUploadWithIdRequest,
  DocumentKind,
  DocumentMediaType,
  DocumentReply,
  EventsRequests,
} from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging/client';
import { InvalidInputError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';

export interface DocumentUpload {
  readonly eventId: string;
  readonly kind: DocumentKind;
  readonly title: string;
  /** As the client named the file; made safe here. */
  readonly originalName: string;
  readonly mediaType: DocumentMediaType;
  readonly content: Buffer;
}

const MAX_FILE_NAME_LENGTH = 200;

/**
 * Moves documents between HTTP and the events service, which takes and gives them in chunks so that
 * every Kafka message stays below the broker's limit: begin (with size and SHA-256) → chunks →
 * complete, and for a download the chunks in order, checked against the size and hash on the way.
 */
@Injectable()
export class DocumentTransfer {
  constructor(private readonly rpc: RpcClient) {}

  async upload(upload: DocumentUpload, call: SendOptions): Promise<DocumentReply> {
    if (upload.content.length === 0) {
      const message = 'Die Datei ist leer.';
      throw new InvalidInputError(message, [{ field: 'file', message }]);
    }
    const begin: BeginDocumentUploadWithIdRequest = {
      eventId: upload.eventId,
      kind: upload.kind,
      title: upload.title,
      fileName: safeFileName(upload.originalName),
      mediaType: upload.mediaType,
      sizeBytes: upload.content.length,
      sha256: createHash('sha256').update(upload.content).digest('hex'),
    };
    const started = await this.rpc.send(EventsRequests.beginDocumentUpload, begin, call);
    const chunkCount = Math.ceil(upload.content.length / started.chunkBytes);
    if (started.chunkCount !== chunkCount)
      throw new Error(
        `documents.begin-upload asked for ${started.chunkCount} chunks of ${started.chunkBytes} bytes for ${upload.content.length} bytes`,
      );
    // Each chunk its own key, derived from the request's: a retried upload resends the same chunks.
    const key = call.idempotencyKey ?? randomUUID();
    for (let index = 0; index < chunkCount; index++) {
      const data = upload.content
        .subarray(index * started.chunkBytes, (index + 1) * started.chunkBytes)
        .toString('base64');
      await this.rpc.send(
        EventsRequests.uploadDocumentChunk,
        { uploadId: started.uploadId, index, data },
        { ...call, idempotencyKey: `${key}.chunk-${index}` },
      );
    }
    return this.rpc.send(EventsRequests.completeDocumentUpload, { uploadId: started.uploadId }, call);
  }

  /**
   * The document and its content as a stream. The first chunk is read before anything is sent, so
   * that an unknown document or a service that does not answer is still a problem+json answer.
   */
  async download(
    eventId: string,
    documentId: string,
    call: SendOptions,
  ): Promise<{ document: DocumentReply; content: Readable }> {
    const document = await this.rpc.send(EventsRequests.getDocument, { eventId, documentId }, call);
    const first = await this.readChunk(document, 0, call);
    return {
      document,
      content: Readable.from(this.chunks(document, first, call), { objectMode: false }),
    };
  }

  /**
   * The chunks in order, the next one read while the current one is sent. The last chunk is held
   * back if the content does not match the stored SHA-256, so a client never receives a complete
   * but wrong file (the connection is cut instead).
   */
  private async *chunks(document: DocumentReply, first: Buffer, call: SendOptions): AsyncGenerator<Buffer> {
    const hash = createHash('sha256');
    let chunk = first;
    for (let index = 0; index < document.chunkCount; index++) {
      hash.update(chunk);
      const isLast = index === document.chunkCount - 1;
      if (isLast && hash.digest('hex') !== document.sha256)
        throw new Error(`document ${document.documentId} does not match its SHA-256`);
      const next = isLast ? undefined : this.readChunk(document, index + 1, call);
      // If the client goes away before the next chunk is awaited, its failure must not go unhandled.
      next?.catch(() => undefined);
      yield chunk;
      if (next) chunk = await next;
    }
  }

  private async readChunk(document: DocumentReply, index: number, call: SendOptions): Promise<Buffer> {
    const { data } = await this.rpc.send(
      EventsRequests.readDocumentChunk,
      { eventId: document.eventId, documentId: document.documentId, index },
      call,
    );
    const bytes = Buffer.from(data, 'base64');
    const expected = Math.min(document.chunkBytes, document.sizeBytes - index * document.chunkBytes);
    if (bytes.length !== expected)
      throw new Error(
        `chunk ${index} of document ${document.documentId} has ${bytes.length} bytes, expected ${expected}`,
      );
    return bytes;
  }
}

/**
 * The name without any path a client may send along, control characters or quotes, at most 200
 * characters with the extension kept.
 */
export function safeFileName(originalName: string): string {
  const base = originalName.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (!clean || /^\.+$/.test(clean)) return 'dokument';
  const characters = [...clean];
  if (characters.length <= MAX_FILE_NAME_LENGTH) return clean;
  const extension = /\.[A-Za-z0-9]{1,10}$/.exec(clean)?.[0] ?? '';
  return characters.slice(0, MAX_FILE_NAME_LENGTH - extension.length).join('') + extension;
}
