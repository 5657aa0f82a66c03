import { TObject } from '@sinclair/typebox';
import { pageQuerySchema } from '../membership/membership.dto';
import { FederalStateCodes, Themes } from '../membership/vocabulary';
import {
  CloneType,
  ClosedComposite,
  ClosedObject,
  IdField,
  MultiLineTextField,
  OneOf,
  RequestBody,
  SingleLineTextField,
  Type,
  withMessage,
} from '../schema';
import { CALENDAR_DATE } from '../time/berlin-time';
import { SHA256_HEX } from './club-event';
import { eventIdSchema } from './event-id';
import { updateCircleSchema, updateForumSchema, updateLoungeSchema } from './event-drafts.dto';
import {
  DOCUMENT_CHUNK_BYTES,
  DocumentKinds,
  DocumentMediaTypes,
  EventKinds,
  EventStatuses,
  MAX_DOCUMENT_BYTES,
} from './vocabulary';

export const EventListWhens = ['upcoming', 'past'] as const;
export type EventListWhen = (typeof EventListWhens)[number];

const eventListQuerySchema = ClosedObject({
  ...pageQuerySchema.properties,
  when: Type.Optional(CloneType(OneOf(EventListWhens), { default: 'upcoming' })),
  kind: Type.Optional(OneOf(EventKinds)),
  theme: Type.Optional(OneOf(Themes)),
  federalState: Type.Optional(OneOf(FederalStateCodes)),
  status: Type.Optional(
    CloneType(OneOf(EventStatuses), { description: 'Entwürfe sieht nur die Geschäftsstelle' }),
  ),
  from: Type.Optional(calendarDay('from', 'ab diesem Tag (Europe/Berlin), z. B. 2027-01-01', '2027-01-01')),
  to: Type.Optional(
    calendarDay('to', 'bis einschließlich diesem Tag (Europe/Berlin), z. B. 2027-12-31', '2027-12-31'),
  ),
});
export class EventListQuery extends RequestBody(eventListQuerySchema) {}

function calendarDay(field: string, description: string, example: string) {
  return withMessage(
    Type.String({ description, pattern: CALENDAR_DATE.source }),
    `${field} muss ein Datum wie ${example} sein (Jahr 2000 bis 2100)`,
  );
}

/** The event a request is about. */
export class EventIdRequest extends RequestBody(eventIdSchema) {}

const withEventId = <Schema extends TObject>(schema: Schema) => ClosedComposite([eventIdSchema, schema]);

const cancelEventSchema = ClosedObject({
  reason: MultiLineTextField(2000, {
    minLength: 3,
    example: 'Der Veranstaltungsort steht nicht zur Verfügung.',
  }),
});
export class CancelEventRequest extends RequestBody(cancelEventSchema) {}
export class CancelEventWithIdRequest extends RequestBody(withEventId(cancelEventSchema)) {}

/** The changes of an event and its id, as the gateway hands them to the events service. */
export class UpdateForumWithIdRequest extends RequestBody(withEventId(updateForumSchema)) {}
export class UpdateLoungeWithIdRequest extends RequestBody(withEventId(updateLoungeSchema)) {}
export class UpdateCircleWithIdRequest extends RequestBody(withEventId(updateCircleSchema)) {}

/** A file name as the gateway makes it safe: no path, no control characters, no quotes. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FILE_NAME = /^[^\\/\u0000-\u001f\u007f"]+$/;

/** Metadata of an upload; the gateway sends the content after it in chunks. */
export const beginDocumentUploadSchema = ClosedObject({
  kind: CloneType(OneOf(DocumentKinds), { default: 'other' }),
  title: SingleLineTextField(200, { example: 'Programm' }),
  fileName: withMessage(
    SingleLineTextField(200, { pattern: FILE_NAME, example: 'programm.pdf' }),
    'fileName darf keine Pfade oder Steuerzeichen enthalten',
  ),
  mediaType: withMessage(
    OneOf(DocumentMediaTypes),
    'Dateityp nicht erlaubt; erlaubt sind PDF, PNG, JPEG, DOCX, PPTX, XLSX',
  ),
  sizeBytes: withMessage(Type.Integer({ minimum: 1, maximum: MAX_DOCUMENT_BYTES }), {
    max: `Die Datei ist größer als ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`,
  }),
  sha256: withMessage(
    Type.String({ pattern: SHA256_HEX.source, description: 'SHA-256 des Inhalts, hexadezimal' }),
    'sha256 muss 64 hexadezimale Zeichen haben',
  ),
});
export class BeginDocumentUploadRequest extends RequestBody(beginDocumentUploadSchema) {}
export class BeginDocumentUploadWithIdRequest extends RequestBody(withEventId(beginDocumentUploadSchema)) {}

const uploadIdSchema = ClosedObject({ uploadId: IdField('uploadId') });
export class UploadIdRequest extends RequestBody(uploadIdSchema) {}

const MAX_CHUNK_INDEX = Math.ceil(MAX_DOCUMENT_BYTES / DOCUMENT_CHUNK_BYTES) - 1;
/** Base64 of one chunk: four characters per three bytes, padded. */
const MAX_CHUNK_BASE64 = Math.ceil(DOCUMENT_CHUNK_BYTES / 3) * 4;
/** 0-based; chunks may be resent, each index is stored once. */
const chunkIndexSchema = ClosedObject({ index: Type.Integer({ minimum: 0, maximum: MAX_CHUNK_INDEX }) });

/** One chunk of an upload's content. */
export class DocumentChunkRequest extends RequestBody(
  ClosedComposite([
    uploadIdSchema,
    chunkIndexSchema,
    ClosedObject({
      data: withMessage(
        Type.String({
          maxLength: MAX_CHUNK_BASE64,
          pattern: '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$',
          description: 'der Teil, base64-kodiert',
        }),
        {
          maxLength: `data darf höchstens ${DOCUMENT_CHUNK_BYTES} Bytes enthalten`,
          matches: 'data muss base64-kodiert sein',
        },
      ),
    }),
  ]),
) {}

const documentIdSchema = withEventId(ClosedObject({ documentId: IdField('documentId') }));
export class DocumentIdRequest extends RequestBody(documentIdSchema) {}

/** One chunk of a stored document's content. */
export class DocumentChunkReadRequest extends RequestBody(
  ClosedComposite([documentIdSchema, chunkIndexSchema]),
) {}
