import { ClubEventReply, DocumentMediaType, EventDocument, EventsRequests } from '@ic/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { EventsService, EventTypes, loungeRequest, memberIdentity, staff } from './events-service';

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PDF of about 2 MB: the header, then content that does not compress. */
function pdfOf(bytes: number): Buffer {
  return Buffer.concat([
    Buffer.from('%PDF-1.7\n', 'latin1'),
    randomBytes(bytes - 15),
    Buffer.from('\n%%EOF', 'latin1'),
  ]);
}

/** Documents travel in chunks, are checked on completion, and come back byte for byte. */
describe('Events service documents', () => {
  const service = new EventsService();
  let event: ClubEventReply;

  beforeAll(async () => {
    await service.start();
    event = await service.send(EventsRequests.createLounge, loungeRequest(), staff);
    await service.send(EventsRequests.announce, { eventId: event.eventId }, staff);
  });

  afterAll(async () => {
    await service.stop();
  });

  const stored = async () => ({
    uploads: await service.db.collection('document_uploads').countDocuments(),
    chunks: await service.db.collection('document_chunks').countDocuments(),
  });

  async function upload(
    content: Buffer,
    declared: { mediaType?: DocumentMediaType; sha256?: string; kind?: 'programme' | 'other' } = {},
  ): Promise<{ uploadId: string; chunkBytes: number; chunkCount: number }> {
    const begun = await service.send(
      EventsRequests.beginDocumentUpload,
      {
        eventId: event.eventId,
        kind: declared.kind ?? 'programme',
        title: 'Programm',
        fileName: 'programm.pdf',
        mediaType: declared.mediaType ?? 'application/pdf',
        sizeBytes: content.length,
        sha256: declared.sha256 ?? sha256(content),
      },
      staff,
    );
    for (let index = 0; index < begun.chunkCount; index++) {
      const data = content
        .subarray(index * begun.chunkBytes, (index + 1) * begun.chunkBytes)
        .toString('base64');
      await service.send(
        EventsRequests.uploadDocumentChunk,
        { uploadId: begun.uploadId, index, data },
        staff,
      );
    }
    return begun;
  }

  it('takes a 2 MB PDF in chunks and gives it back byte for byte', async () => {
    const content = pdfOf(2 * 1024 * 1024 + 12_345);
    const begun = await upload(content);
    expect(begun).toMatchObject({ chunkBytes: 512 * 1024, chunkCount: 5 });
    // A resent chunk is stored once.
    await expect(
      service.send(
        EventsRequests.uploadDocumentChunk,
        {
          uploadId: begun.uploadId,
          index: 1,
          data: content.subarray(512 * 1024, 1024 * 1024).toString('base64'),
        },
        staff,
      ),
    ).resolves.toEqual({ stored: 1 });

    const document = await service.send(
      EventsRequests.completeDocumentUpload,
      { uploadId: begun.uploadId },
      staff,
    );
    expect(document).toMatchObject({
      eventId: event.eventId,
      documentId: begun.uploadId,
      kind: 'programme',
      mediaType: 'application/pdf',
      sizeBytes: content.length,
      sha256: sha256(content),
      chunkCount: 5,
      uploadedBy: { subject: staff.subject, role: 'staff' },
    });
    await expect(
      service.send(EventsRequests.completeDocumentUpload, { uploadId: begun.uploadId }, staff),
    ).resolves.toEqual(document);

    const member = memberIdentity();
    const metadata = await service.send(
      EventsRequests.getDocument,
      { eventId: event.eventId, documentId: document.documentId },
      member,
    );
    const chunks = [];
    for (let index = 0; index < metadata.chunkCount; index++) {
      const { data } = await service.send(
        EventsRequests.readDocumentChunk,
        { eventId: event.eventId, documentId: document.documentId, index },
        member,
      );
      chunks.push(Buffer.from(data, 'base64'));
    }
    expect(Buffer.concat(chunks).equals(content)).toBe(true);

    const events = await service.published(event.eventId, [EventTypes.documentAdded]);
    const added = events.filter((published) => published.type === EventTypes.documentAdded);
    expect(added).toHaveLength(1);
    const { document: publishedDocument, event: snapshot } = added[0].data as {
      document: EventDocument;
      event: ClubEventReply;
    };
    expect(publishedDocument.documentId).toBe(document.documentId);
    expect(snapshot.documents).toEqual([publishedDocument]);
    await expect(service.send(EventsRequests.get, { eventId: event.eventId }, member)).resolves.toMatchObject(
      {
        documents: [publishedDocument],
      },
    );
  });

  it('refuses content that is not what was declared, and keeps nothing of it', async () => {
    const before = await stored();
    const png = Buffer.concat([PNG_SIGNATURE, randomBytes(600_000)]);
    const disguised = await upload(png);
    await expect(
      service.problemOf(EventsRequests.completeDocumentUpload, { uploadId: disguised.uploadId }, staff),
    ).resolves.toMatchObject({
      status: 422,
      detail: 'Der Inhalt ist kein PDF (er sieht aus wie ein PNG-Bild). Es zählt der Inhalt, nicht der Name.',
      errors: [{ field: 'mediaType' }],
    });

    const content = pdfOf(100_000);
    const wrongHash = await upload(content, { sha256: sha256(Buffer.from('etwas anderes')) });
    await expect(
      service.problemOf(EventsRequests.completeDocumentUpload, { uploadId: wrongHash.uploadId }, staff),
    ).resolves.toMatchObject({ status: 422, errors: [{ field: 'sha256' }] });

    expect(await stored()).toEqual(before);
    await expect(
      service.problemOf(EventsRequests.completeDocumentUpload, { uploadId: wrongHash.uploadId }, staff),
    ).resolves.toMatchObject({ status: 404 });
  });

  it('refuses a programme that is not a PDF, chunks of the wrong size or other content, and an incomplete upload', async () => {
    await expect(
      service.problemOf(
        EventsRequests.beginDocumentUpload,
        {
          eventId: event.eventId,
          kind: 'programme',
          title: 'Programm',
          fileName: 'programm.png',
          mediaType: 'image/png',
          sizeBytes: 1000,
          sha256: sha256(Buffer.alloc(1000)),
        },
        staff,
      ),
    ).resolves.toMatchObject({ status: 422, errors: [{ field: 'mediaType' }] });

    const content = pdfOf(600_000);
    const begun = await service.send(
      EventsRequests.beginDocumentUpload,
      {
        eventId: event.eventId,
        kind: 'other',
        title: 'Anfahrt',
        fileName: 'anfahrt.pdf',
        mediaType: 'application/pdf',
        sizeBytes: content.length,
        sha256: sha256(content),
      },
      staff,
    );
    await expect(
      service.problemOf(
        EventsRequests.uploadDocumentChunk,
        { uploadId: begun.uploadId, index: 0, data: content.subarray(0, 1000).toString('base64') },
        staff,
      ),
    ).resolves.toMatchObject({ status: 400, errors: [{ field: 'data' }] });
    const first = content.subarray(0, 512 * 1024);
    await service.send(
      EventsRequests.uploadDocumentChunk,
      { uploadId: begun.uploadId, index: 0, data: first.toString('base64') },
      staff,
    );
    await expect(
      service.problemOf(
        EventsRequests.uploadDocumentChunk,
        { uploadId: begun.uploadId, index: 0, data: Buffer.alloc(first.length).toString('base64') },
        staff,
      ),
    ).resolves.toMatchObject({ status: 409 });
    await expect(
      service.problemOf(EventsRequests.completeDocumentUpload, { uploadId: begun.uploadId }, staff),
    ).resolves.toMatchObject({
      status: 409,
      errors: [{ field: 'chunks', message: expect.stringContaining('1') }],
    });
    await expect(
      service.problemOf(
        EventsRequests.uploadDocumentChunk,
        { uploadId: begun.uploadId, index: 2, data: 'AAAA' },
        staff,
      ),
    ).resolves.toMatchObject({ status: 400, errors: [{ field: 'index' }] });
    await expect(
      service.problemOf(
        EventsRequests.beginDocumentUpload,
        {
          eventId: event.eventId,
          kind: 'other',
          title: 'Anfahrt',
          fileName: 'anfahrt.pdf',
          mediaType: 'application/pdf',
          sizeBytes: 10,
          sha256: sha256(content),
        },
        memberIdentity(),
      ),
    ).resolves.toMatchObject({ status: 403 });
  });

  it('removes a document with its content', async () => {
    const content = pdfOf(700_000);
    const begun = await upload(content, { kind: 'other' });
    const document = await service.send(
      EventsRequests.completeDocumentUpload,
      { uploadId: begun.uploadId },
      staff,
    );
    const chunksOf = () =>
      service.db.collection('document_chunks').countDocuments({ uploadId: document.documentId });
    expect(await chunksOf()).toBe(2);

    const after = await service.send(
      EventsRequests.removeDocument,
      { eventId: event.eventId, documentId: document.documentId },
      staff,
    );
    expect(after.documents.map((listed) => listed.documentId)).not.toContain(document.documentId);
    expect(await chunksOf()).toBe(0);
    expect(
      await service.db.collection('document_uploads').countDocuments({ _id: document.documentId as never }),
    ).toBe(0);
    await expect(
      service.problemOf(
        EventsRequests.getDocument,
        { eventId: event.eventId, documentId: document.documentId },
        staff,
      ),
    ).resolves.toMatchObject({ status: 404 });
    const events = await service.published(event.eventId, [EventTypes.documentRemoved]);
    expect(events.at(-1)?.data).toMatchObject({
      document: { documentId: document.documentId },
      event: after,
    });
  });

  it('shows the documents of a draft to the office only, and takes none for a cancelled event', async () => {
    const draft = await service.send(EventsRequests.createLounge, loungeRequest(), staff);
    const content = pdfOf(10_000);
    const begun = await service.send(
      EventsRequests.beginDocumentUpload,
      {
        eventId: draft.eventId,
        kind: 'programme',
        title: 'Programm',
        fileName: 'programm.pdf',
        mediaType: 'application/pdf',
        sizeBytes: content.length,
        sha256: sha256(content),
      },
      staff,
    );
    await service.send(
      EventsRequests.uploadDocumentChunk,
      { uploadId: begun.uploadId, index: 0, data: content.toString('base64') },
      staff,
    );
    const document = await service.send(
      EventsRequests.completeDocumentUpload,
      { uploadId: begun.uploadId },
      staff,
    );
    await expect(
      service.problemOf(
        EventsRequests.getDocument,
        { eventId: draft.eventId, documentId: document.documentId },
        memberIdentity(),
      ),
    ).resolves.toMatchObject({ status: 404 });
    await expect(
      service.send(
        EventsRequests.readDocumentChunk,
        { eventId: draft.eventId, documentId: document.documentId, index: 0 },
        staff,
      ),
    ).resolves.toEqual({ data: content.toString('base64') });

    await service.send(EventsRequests.cancel, { eventId: draft.eventId, reason: 'Fällt aus' }, staff);
    await expect(
      service.problemOf(
        EventsRequests.beginDocumentUpload,
        {
          eventId: draft.eventId,
          kind: 'other',
          title: 'Nachtrag',
          fileName: 'nachtrag.pdf',
          mediaType: 'application/pdf',
          sizeBytes: content.length,
          sha256: sha256(content),
        },
        staff,
      ),
    ).resolves.toMatchObject({ status: 409 });
  });
});
