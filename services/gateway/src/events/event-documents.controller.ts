import {
  beginDocumentUploadSchema,
  ClosedComposite,
  ClosedObject,
  DocumentMediaType,
  DocumentMediaTypes,
  EventsRequests,
  MAX_DOCUMENT_BYTES,
  RequestBody,
  Type,
} from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging/client';
import { InvalidInputError } from '@ic/platform';
import {
  Body,
  Controller,
  Delete,
  Get,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/auth.decorators';
import { ApiIdempotencyKey, ApiProblems, ApiUpstreamProblems } from '../http/api-docs';
import { CallContext } from '../http/call-context';
import { contentDisposition } from '../http/content-disposition';
import { FileUpload } from '../http/file-upload.interceptor';
import { UuidParam } from '../http/path-params';
import { DocumentTransfer } from './document-transfer';
import {
  documentPath,
  eventDocumentSchema,
  EventDocumentView,
  eventDocumentView,
  eventSchema,
  EventView,
  eventView,
} from './event.shapes';
import { ApiReply, componentRef, nameReplySchema } from '../http/api-replies';

/** The text fields of the upload form, those of the upload's metadata; the file itself comes in the field `file`. */
const uploadDocumentFormSchema = ClosedComposite([
  Type.Pick(beginDocumentUploadSchema, ['title']),
  Type.Partial(Type.Pick(beginDocumentUploadSchema, ['kind'])),
]);
export class UploadDocumentForm extends RequestBody(uploadDocumentFormSchema) {}

const MEDIA_TYPE_NAMES = 'PDF, PNG, JPEG, DOCX, PPTX und XLSX';

/** The form as the API document shows it: the fields, and the file the interceptor takes out. */
nameReplySchema(
  'UploadDocumentRequest',
  ClosedComposite([
    uploadDocumentFormSchema,
    ClosedObject({
      file: Type.String({ format: 'binary', minLength: 1, description: MEDIA_TYPE_NAMES }),
    }),
  ]),
);

/** What the upload interceptor (multer, memory storage) hands over of the file. */
interface UploadedDocumentFile {
  readonly originalname: string;
  readonly mimetype: string;
  readonly buffer: Buffer;
}

@ApiTags('Veranstaltungen')
@ApiUpstreamProblems()
@Controller('events/:eventId/documents')
export class EventDocumentsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly transfer: DocumentTransfer,
  ) {}

  @Roles('staff')
  @Post()
  @UseInterceptors(
    FileUpload({
      field: 'file',
      maxBytes: MAX_DOCUMENT_BYTES,
      mediaTypes: DocumentMediaTypes,
      mediaTypeNames: MEDIA_TYPE_NAMES,
    }),
  )
  @ApiOperation({
    summary: 'Ein Dokument zur Veranstaltung hochladen (Geschäftsstelle)',
    description:
      `Als multipart/form-data mit der Datei im Feld \`file\` (${MEDIA_TYPE_NAMES}, höchstens ` +
      `${MAX_DOCUMENT_BYTES / 1024 / 1024} MB), dem Titel und der Art (\`programme\` muss ein PDF sein). ` +
      'Ein anderer Dateityp ergibt 415, eine größere Datei 413; der Inhalt wird mit dem angegebenen Typ verglichen.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: componentRef('UploadDocumentRequest'),
    encoding: { file: { contentType: DocumentMediaTypes.join(', ') } },
  })
  @ApiReply(201, 'EventDocumentResponse', eventDocumentSchema, {
    description: 'Location nennt den Download.',
  })
  @ApiIdempotencyKey()
  @ApiProblems(404, 409, 415, 422)
  async upload(
    @UuidParam('eventId') eventId: string,
    @Body() form: UploadDocumentForm,
    @UploadedFile() file: UploadedDocumentFile | undefined,
    @CallContext() call: SendOptions,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EventDocumentView> {
    if (!file) {
      const message = 'Bitte senden Sie die Datei im Feld „file“ (multipart/form-data).';
      throw new InvalidInputError(message, [{ field: 'file', message }]);
    }
    const document = await this.transfer.upload(
      {
        eventId,
        kind: form.kind ?? 'other',
        title: form.title,
        originalName: file.originalname,
        // The interceptor let only these through.
        mediaType: file.mimetype as DocumentMediaType,
        content: file.buffer,
      },
      call,
    );
    response.location(documentPath(eventId, document.documentId));
    return eventDocumentView(eventId, document);
  }

  @Roles('staff', 'member')
  @Get(':documentId')
  @ApiOperation({ summary: 'Ein Dokument der Veranstaltung herunterladen' })
  @ApiOkResponse({
    description: 'Der Inhalt, mit Content-Type, Content-Length und Dateiname.',
    content: Object.fromEntries(
      DocumentMediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
    ),
  })
  @ApiProblems(400, 404)
  async download(
    @UuidParam('eventId') eventId: string,
    @UuidParam('documentId') documentId: string,
    @CallContext() call: SendOptions,
  ): Promise<StreamableFile> {
    const { document, content } = await this.transfer.download(eventId, documentId, call);
    // nosniff (security headers): served as declared, never as something a browser guesses.
    return new StreamableFile(content, {
      type: document.mediaType,
      length: document.sizeBytes,
      disposition: contentDisposition('attachment', document.fileName),
    });
  }

  @Roles('staff')
  @Delete(':documentId')
  @ApiOperation({ summary: 'Ein Dokument entfernen (Geschäftsstelle)' })
  @ApiReply(200, 'EventResponse', eventSchema, { description: 'Die Veranstaltung ohne das Dokument.' })
  @ApiIdempotencyKey()
  @ApiProblems(404, 409)
  async remove(
    @UuidParam('eventId') eventId: string,
    @UuidParam('documentId') documentId: string,
    @CallContext() call: SendOptions,
  ): Promise<EventView> {
    return eventView(await this.rpc.send(EventsRequests.removeDocument, { eventId, documentId }, call));
  }
}
