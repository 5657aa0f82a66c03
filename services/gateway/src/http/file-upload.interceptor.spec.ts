import { InvalidInputError } from '@ic/platform';
import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { FileUploadOptions, toUploadProblem } from './file-upload.interceptor';

const options: FileUploadOptions = {
  field: 'file',
  maxBytes: 20 * 1024 * 1024,
  mediaTypes: ['application/pdf'],
  mediaTypeNames: 'PDF',
};

describe(toUploadProblem.name, () => {
  it('says how large a file may be', () => {
    const sut = toUploadProblem(new PayloadTooLargeException('File too large'), options);

    expect(sut).toBeInstanceOf(PayloadTooLargeException);
    expect((sut as Error).message).toBe('Die Datei ist zu groß. Erlaubt sind höchstens 20 MB je Datei.');
  });

  it.each([
    ['Unexpected file field - attachment', 'attachment', 'Unerwartete Datei im Feld „attachment“'],
    ['Too many files - file', 'file', 'Unerwartete Datei im Feld „file“'],
    ['Field value too long - title', 'title', 'Das Feld „title“ ist zu lang.'],
  ])('names the field of "%s"', (message, field, german) => {
    const sut = toUploadProblem(new BadRequestException(message), options) as InvalidInputError;

    expect(sut).toBeInstanceOf(InvalidInputError);
    expect(sut.errors).toEqual([{ field, message: expect.stringContaining(german) as string }]);
  });

  it('answers too many parts with 413', () => {
    expect(toUploadProblem(new BadRequestException('Too many parts'), options)).toBeInstanceOf(
      PayloadTooLargeException,
    );
  });

  it('answers a broken form in German', () => {
    const sut = toUploadProblem(new BadRequestException('Multipart: Unexpected end of form'), options);

    expect((sut as Error).message).toContain('multipart/form-data');
  });

  it('leaves other errors alone', () => {
    const other = new NotFoundException();

    expect(toUploadProblem(other, options)).toBe(other);
  });
});
