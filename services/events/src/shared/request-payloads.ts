import {
  BeginDocumentUploadRequest,
  CancelEventRequest,
  DOCUMENT_CHUNK_BYTES,
  DocumentChunkReadRequest,
  DocumentChunkRequest,
  DocumentIdRequest,
  EventIdRequest,
  MAX_DOCUMENT_BYTES,
} from '@ic/contracts';
import { UuidField } from '@ic/platform';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/**
 * Validated classes for the request payloads the contracts type as plain objects (an id next to a
 * DTO). The global ValidationPipe needs a class to check them and to refuse unknown fields.
 */

const MAX_CHUNK_INDEX = Math.ceil(MAX_DOCUMENT_BYTES / DOCUMENT_CHUNK_BYTES) - 1;
/** Base64 of one chunk: four characters per three bytes, padded. */
const MAX_CHUNK_BASE64 = Math.ceil(DOCUMENT_CHUNK_BYTES / 3) * 4;

export class EventIdPayload implements EventIdRequest {
  @UuidField()
  eventId!: string;
}

export class CancelEventPayload extends CancelEventRequest implements EventIdRequest {
  @UuidField()
  eventId!: string;
}

export class BeginDocumentUploadPayload extends BeginDocumentUploadRequest implements EventIdRequest {
  @UuidField()
  eventId!: string;
}

export class UploadIdPayload {
  @UuidField()
  uploadId!: string;
}

export class DocumentChunkPayload extends UploadIdPayload implements DocumentChunkRequest {
  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(MAX_CHUNK_INDEX)
  index!: number;

  @ApiProperty({ description: 'der Teil, base64-kodiert' })
  @IsString()
  @MaxLength(MAX_CHUNK_BASE64, { message: `data darf höchstens ${DOCUMENT_CHUNK_BYTES} Bytes enthalten` })
  @Matches(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, {
    message: 'data muss base64-kodiert sein',
  })
  data!: string;
}

export class DocumentIdPayload extends EventIdPayload implements DocumentIdRequest {
  @UuidField()
  documentId!: string;
}

export class DocumentChunkReadPayload extends DocumentIdPayload implements DocumentChunkReadRequest {
  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(MAX_CHUNK_INDEX)
  index!: number;
}
