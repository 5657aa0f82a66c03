import { DocumentMediaType } from '@ic/contracts';

/** How a file type's content begins, and what to call it in a message. */
interface Signature {
  readonly name: string;
  readonly magic: Buffer;
}

const PDF: Signature = { name: 'PDF', magic: Buffer.from('%PDF-', 'latin1') };
const PNG: Signature = {
  name: 'PNG-Bild',
  magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
};
const JPEG: Signature = { name: 'JPEG-Bild', magic: Buffer.from([0xff, 0xd8, 0xff]) };
/** DOCX, PPTX and XLSX are ZIP archives (Office Open XML). */
const OFFICE: Signature = { name: 'Office-Dokument (ZIP)', magic: Buffer.from([0x50, 0x4b, 0x03, 0x04]) };

const SIGNATURES: Readonly<Record<DocumentMediaType, Signature>> = {
  'application/pdf': PDF,
  'image/png': PNG,
  'image/jpeg': JPEG,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': OFFICE,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': OFFICE,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': OFFICE,
};

/** Bytes from the start of a file that suffice to recognise it. */
export const SNIFF_BYTES = 8;

/** Whether the content begins as files of the declared type do (the name alone proves nothing). */
export function contentMatches(mediaType: DocumentMediaType, head: Buffer): boolean {
  const { magic } = SIGNATURES[mediaType];
  return head.length >= magic.length && head.subarray(0, magic.length).equals(magic);
}

/** What the declared type is called, for messages. */
export function mediaTypeName(mediaType: DocumentMediaType): string {
  return SIGNATURES[mediaType].name;
}

/** What the content looks like, for a message when it does not match; undefined if unknown. */
export function recognisedAs(head: Buffer): string | undefined {
  return [PDF, PNG, JPEG, OFFICE].find((signature) =>
    head.subarray(0, signature.magic.length).equals(signature.magic),
  )?.name;
}
