import { Actor, DocumentKind, DocumentKinds, DocumentMediaType, DocumentMediaTypes } from '@ic/contracts';
import { Schema } from 'mongoose';

export const DOCUMENT_UPLOAD_MODEL = 'DocumentUpload';
export const DOCUMENT_CHUNK_MODEL = 'DocumentChunk';

/** receiving → completed (the document is on the event); removing while it is taken off again. */
export const UploadStates = ['receiving', 'completed', 'removing'] as const;
export type UploadState = (typeof UploadStates)[number];

/**
 * A document's metadata and where its content is. The upload id becomes the document's id, so the
 * chunks `<uploadId>:<index>` are also the document's content: small documents with unique ids,
 * each stored by one insert, rather than GridFS.
 */
export interface DocumentUploadRecord {
  _id: string;
  eventId: string;
  kind: DocumentKind;
  title: string;
  fileName: string;
  mediaType: DocumentMediaType;
  sizeBytes: number;
  sha256: string;
  chunkCount: number;
  uploadedBy: Actor;
  state: UploadState;
  createdAt: Date;
  updatedAt: Date;
}

/** One chunk of a document's content (at most DOCUMENT_CHUNK_BYTES). */
export interface DocumentChunkRecord {
  /** `<uploadId>:<index>`: a resent chunk is stored once. */
  _id: string;
  uploadId: string;
  index: number;
  data: Buffer;
}

export const DocumentUploadSchema = new Schema<DocumentUploadRecord>(
  {
    _id: { type: String, required: true },
    eventId: { type: String, required: true },
    kind: { type: String, enum: DocumentKinds, required: true },
    title: { type: String, required: true },
    fileName: { type: String, required: true },
    mediaType: { type: String, enum: DocumentMediaTypes, required: true },
    sizeBytes: { type: Number, required: true },
    sha256: { type: String, required: true },
    chunkCount: { type: Number, required: true },
    uploadedBy: {
      type: new Schema(
        {
          subject: { type: String, required: true },
          role: { type: String, enum: ['staff', 'member'], required: true },
        },
        { _id: false },
      ),
      required: true,
    },
    state: { type: String, enum: UploadStates, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'document_uploads', versionKey: false },
);
DocumentUploadSchema.index({ state: 1, updatedAt: 1 });

export const DocumentChunkSchema = new Schema<DocumentChunkRecord>(
  {
    _id: { type: String, required: true },
    uploadId: { type: String, required: true },
    index: { type: Number, required: true },
    data: { type: Buffer, required: true },
  },
  { collection: 'document_chunks', versionKey: false },
);
DocumentChunkSchema.index({ uploadId: 1, index: 1 });
