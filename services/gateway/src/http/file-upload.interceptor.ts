import { InvalidInputError } from '@ic/platform';
import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Injectable,
  mixin,
  NestInterceptor,
  PayloadTooLargeException,
  Type,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Observable } from 'rxjs';

export interface FileUploadOptions {
  /** The form field that carries the file. */
  readonly field: string;
  readonly maxBytes: number;
  /** Declared media types (the file part's Content-Type) accepted; others are refused with 415. */
  readonly mediaTypes: readonly string[];
  /** What the 415 says is allowed, e.g. "PDF, PNG, JPEG". */
  readonly mediaTypeNames: string;
}

/** The text fields of an upload form are few and short (a title, a kind). */
const FORM_LIMITS = { fields: 10, fieldSize: 4096, fieldNameSize: 100, parts: 12, headerPairs: 200 };

/**
 * Reads one file of a multipart/form-data request into memory with Nest's FileInterceptor (multer),
 * with limits, and answers a problem with the form in German: too large → 413, a file in another
 * field or a broken form → 400 naming the field, a declared type not accepted → 415. The type is
 * checked as the file part begins, before its content is read.
 */
export function FileUpload(options: FileUploadOptions): Type<NestInterceptor> {
  const MulterInterceptor = FileInterceptor(options.field, {
    limits: { ...FORM_LIMITS, files: 1, fileSize: options.maxBytes },
    // Browsers send file names as UTF-8 without saying so; multer would read them as Latin-1.
    defParamCharset: 'utf8',
    fileFilter: (_request, file, accept) => {
      if (options.mediaTypes.includes(file.mimetype)) accept(null, true);
      else
        accept(
          new UnsupportedMediaTypeException(
            `Dateityp ${file.mimetype || 'unbekannt'} nicht erlaubt. Erlaubt sind ${options.mediaTypeNames}.`,
          ),
          false,
        );
    },
  });

  @Injectable()
  class FileUploadInterceptor implements NestInterceptor {
    private readonly multer = new MulterInterceptor();

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      // Only reading the form can fail here: the route runs later, when the result is subscribed to.
      try {
        return await this.multer.intercept(context, next);
      } catch (error) {
        throw toUploadProblem(error, options);
      }
    }
  }
  return mixin(FileUploadInterceptor);
}

/**
 * Nest's exceptions for multer's and busboy's errors (English, "<reason> - <field>") as German
 * problems. Nest answers only a file over the size limit with 413, everything else about the form
 * with 400.
 */
export function toUploadProblem(error: unknown, options: FileUploadOptions): unknown {
  if (error instanceof PayloadTooLargeException) {
    const megabytes = Math.round(options.maxBytes / 1024 / 1024);
    return new PayloadTooLargeException(
      `Die Datei ist zu groß. Erlaubt sind höchstens ${megabytes} MB je Datei.`,
    );
  }
  if (!(error instanceof BadRequestException)) return error;
  const [reason, field = options.field] = error.message.split(' - ');
  const invalid = (message: string, name = field) =>
    new InvalidInputError(message, [{ field: name, message }]);
  switch (reason) {
    case 'Unexpected file field':
    case 'Unexpected field':
    case 'Too many files':
      return invalid(
        `Unerwartete Datei im Feld „${field}“. Bitte senden Sie genau eine Datei im Feld „${options.field}“.`,
      );
    case 'Too many parts':
    case 'Too many fields':
      return new PayloadTooLargeException('Das Formular enthält zu viele Felder.');
    case 'Field value too long':
      return invalid(`Das Feld „${field}“ ist zu lang.`);
    default:
      return new InvalidInputError(
        'Das Formular kann nicht gelesen werden. Bitte senden Sie es als vollständiges multipart/form-data erneut.',
      );
  }
}
