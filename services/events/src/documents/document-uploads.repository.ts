import { isDuplicateKeyError } from '@ic/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, mongo } from 'mongoose';
import {
  DOCUMENT_CHUNK_MODEL,
  DOCUMENT_UPLOAD_MODEL,
  DocumentChunkRecord,
  DocumentUploadRecord,
  UploadState,
} from './document-upload.schema';

export type DocumentUpload = Readonly<Omit<DocumentUploadRecord, '_id'> & { uploadId: string }>;

/** How storing a chunk ended: new, the same bytes again, or other bytes under a stored index. */
export type ChunkWrite = 'stored' | 'same-again' | 'different';

/**
 * The only place that touches uploads and their chunks. Every chunk is an insert with a unique id;
 * no multi-document transaction is needed, because a
 * document only counts once the event lists it (see CleanUpUploadsUseCase for what a crash leaves).
 */
@Injectable()
export class DocumentUploadsRepository {
  constructor(
    @InjectModel(DOCUMENT_UPLOAD_MODEL) private readonly uploads: Model<DocumentUploadRecord>,
    @InjectModel(DOCUMENT_CHUNK_MODEL) private readonly chunks: Model<DocumentChunkRecord>,
  ) {}

  async insert(upload: DocumentUpload): Promise<void> {
    const { uploadId, ...fields } = upload;
    await this.uploads.create({ _id: uploadId, ...fields });
  }

  async find(uploadId: string): Promise<DocumentUpload | null> {
    const record = await this.uploads.findById(uploadId).lean<DocumentUploadRecord>().exec();
    return record ? toUpload(record) : null;
  }

  async setState(uploadId: string, state: UploadState, at: Date): Promise<void> {
    await this.uploads.updateOne({ _id: uploadId }, { $set: { state, updatedAt: at } }).exec();
  }

  /** Uploads in this state last changed before `before`, for the clean-up. */
  async findStale(state: UploadState, before: Date, limit: number): Promise<DocumentUpload[]> {
    const records = await this.uploads
      .find({ state, updatedAt: { $lt: before } })
      .limit(limit)
      .lean<DocumentUploadRecord[]>()
      .exec();
    return records.map(toUpload);
  }

  async storeChunk(uploadId: string, index: number, data: Buffer): Promise<ChunkWrite> {
    const _id = chunkId(uploadId, index);
    try {
      await this.chunks.create({ _id, uploadId, index, data });
      return 'stored';
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const stored = await this.readChunk(uploadId, index);
    return stored?.equals(data) ? 'same-again' : 'different';
  }

  async readChunk(uploadId: string, index: number): Promise<Buffer | null> {
    const record = await this.chunks.findById(chunkId(uploadId, index)).lean<DocumentChunkRecord>().exec();
    return record ? bufferOf(record.data) : null;
  }

  /** Indexes below `chunkCount` not stored yet (looked up by their ids). */
  async missingChunks(uploadId: string, chunkCount: number): Promise<number[]> {
    const ids = chunkIdsOf(uploadId, chunkCount);
    const stored = await this.chunks
      .find({ _id: { $in: ids } }, { _id: 1 })
      .lean<Pick<DocumentChunkRecord, '_id'>[]>()
      .exec();
    const found = new Set(stored.map((chunk) => chunk._id));
    return ids.flatMap((id, index) => (found.has(id) ? [] : [index]));
  }

  /** Removes the upload and its content: chunks first, so that no chunk outlives its record. */
  async delete(uploadId: string): Promise<void> {
    const upload = await this.find(uploadId);
    await this.chunks.deleteMany({ _id: { $in: chunkIdsOf(uploadId, upload?.chunkCount ?? 0) } }).exec();
    await this.uploads.deleteOne({ _id: uploadId }).exec();
  }
}

function chunkId(uploadId: string, index: number): string {
  return `${uploadId}:${index}`;
}

function chunkIdsOf(uploadId: string, chunkCount: number): string[] {
  return Array.from({ length: chunkCount }, (_, index) => chunkId(uploadId, index));
}

/** lean() hands back the driver's Binary for a Buffer field. */
function bufferOf(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof mongo.Binary) return Buffer.from(data.read(0, data.length()));
  throw new Error('A document chunk holds no binary data');
}

function toUpload(record: DocumentUploadRecord): DocumentUpload {
  const { _id, ...fields } = record;
  return {
    ...fields,
    uploadId: _id,
    uploadedBy: { subject: record.uploadedBy.subject, role: record.uploadedBy.role },
  };
}
