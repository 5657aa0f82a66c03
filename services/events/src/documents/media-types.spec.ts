import { DocumentMediaType, DocumentMediaTypes } from '@ic/contracts';
import { contentMatches, recognisedAs } from './media-types';

const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]);
const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
const html = Buffer.from('<!DOCTYPE html><script>', 'latin1');

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('contentMatches', () => {
  it.each<[DocumentMediaType, Buffer]>([
    ['application/pdf', pdf],
    ['image/png', png],
    ['image/jpeg', jpeg],
    [DOCX, zip],
    [PPTX, zip],
    [XLSX, zip],
  ])('recognises %s by its first bytes', (mediaType, head) => {
    expect(contentMatches(mediaType, head)).toBe(true);
  });

  it('refuses content of another type under a declared type', () => {
    expect(contentMatches('application/pdf', png)).toBe(false);
    expect(contentMatches('image/png', jpeg)).toBe(false);
    expect(contentMatches('image/jpeg', pdf)).toBe(false);
    expect(contentMatches(DOCX, pdf)).toBe(false);
  });

  it.each(DocumentMediaTypes)('refuses HTML declared as %s', (mediaType) => {
    expect(contentMatches(mediaType, html)).toBe(false);
  });

  it('refuses content shorter than the signature', () => {
    expect(contentMatches('application/pdf', Buffer.from('%PD', 'latin1'))).toBe(false);
    expect(contentMatches('image/png', Buffer.alloc(0))).toBe(false);
  });

  it('does not take "PDF" later in the content for a PDF', () => {
    expect(contentMatches('application/pdf', Buffer.from(' %PDF-1.7', 'latin1'))).toBe(false);
  });
});

describe('recognisedAs', () => {
  it('names what the content looks like', () => {
    expect(recognisedAs(png)).toBe('PNG-Bild');
    expect(recognisedAs(pdf)).toBe('PDF');
    expect(recognisedAs(html)).toBeUndefined();
  });
});
