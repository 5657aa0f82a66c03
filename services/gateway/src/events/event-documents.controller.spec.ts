import {
  BeginDocumentUploadWithIdRequest,
  DOCUMENT_CHUNK_BYTES,
  DocumentMediaType,
  DocumentReply,
  EventsRequests,
  MAX_DOCUMENT_BYTES,
} from '@ic/contracts';
import { NotFoundError } from '@ic/platform';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { fieldsOf, GatewayTestApp, signTestToken, startGatewayTestApp } from '../testing/gateway-test-app';
import { newClubEventReply } from '../testing/reply-factories';
import { EventDocumentsController } from './event-documents.controller';

interface UploadPart {
  readonly content: Uint8Array;
  readonly type: string;
  readonly name: string;
  readonly field?: string;
}

describe(EventDocumentsController.name, () => {
  let sut: GatewayTestApp;
  const staff = signTestToken({ sub: 'staff-1', role: 'staff' });
  const member = signTestToken({ role: 'member' });
  const eventId = randomUUID();
  /** What the fake events service stored, by upload id. */
  let uploads: Map<string, { begin: BeginDocumentUploadWithIdRequest; chunks: Map<number, string> }>;
  let stored: DocumentReply | undefined;

  beforeEach(async () => {
    uploads = new Map();
    stored = undefined;
    sut = await startGatewayTestApp();
    sut.rpc
      .answer(EventsRequests.beginDocumentUpload, (request) => {
        const uploadId = randomUUID();
        uploads.set(uploadId, { begin: { ...request }, chunks: new Map() });
        return {
          uploadId,
          chunkBytes: DOCUMENT_CHUNK_BYTES,
          chunkCount: Math.ceil(request.sizeBytes / DOCUMENT_CHUNK_BYTES),
        };
      })
      .answer(EventsRequests.uploadDocumentChunk, ({ uploadId, index, data }) => {
        uploads.get(uploadId)?.chunks.set(index, data);
        return { stored: index };
      })
      .answer(EventsRequests.completeDocumentUpload, ({ uploadId }) => {
        const upload = uploads.get(uploadId)!;
        stored = {
          ...upload.begin,
          documentId: randomUUID(),
          uploadedAt: '2027-01-20T10:15:00.000Z',
          uploadedBy: { subject: 'staff-1', role: 'staff' },
          chunkBytes: DOCUMENT_CHUNK_BYTES,
          chunkCount: upload.chunks.size,
        };
        return stored;
      })
      .answer(EventsRequests.removeDocument, ({ eventId: id }) => newClubEventReply({ eventId: id }));
  });

  afterEach(() => sut.close());

  async function upload(file: UploadPart | undefined, fields: Record<string, string> = {}, token = staff) {
    const form = new FormData();
    for (const [name, value] of Object.entries({ title: 'Programm', kind: 'programme', ...fields }))
      form.append(name, value);
    if (file) form.append(file.field ?? 'file', new Blob([file.content], { type: file.type }), file.name);
    const response = await fetch(`${sut.url}/api/v1/events/${eventId}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      json: text ? (JSON.parse(text) as unknown) : {},
    };
  }

  const pdf = (size: number): UploadPart => ({
    content: randomBytes(size),
    type: 'application/pdf',
    name: 'Programm Übersicht 2027.pdf',
  });

  /** What reached the fake service, put back together. */
  function received(): Buffer {
    const [only] = [...uploads.values()];
    return Buffer.concat(
      [...only.chunks.entries()].sort(([a], [b]) => a - b).map(([, data]) => Buffer.from(data, 'base64')),
    );
  }

  describe('upload', () => {
    it('sends the file in chunks with its size and SHA-256, each chunk under its own key', async () => {
      const file = pdf(DOCUMENT_CHUNK_BYTES * 2 + 1234);

      const response = await upload(file, {}, staff);

      expect(response.status).toBe(201);
      expect(response.headers.get('location')).toBe(
        `/api/v1/events/${eventId}/documents/${stored?.documentId}`,
      );
      expect(response.json).toMatchObject({
        documentId: stored?.documentId,
        fileName: 'Programm Übersicht 2027.pdf',
        mediaType: 'application/pdf',
        sizeBytes: file.content.length,
      });
      expect(response.json).not.toHaveProperty('uploadedBy');
      expect(sut.rpc.sentTo(EventsRequests.beginDocumentUpload)[0]?.payload).toEqual({
        eventId,
        kind: 'programme',
        title: 'Programm',
        fileName: 'Programm Übersicht 2027.pdf',
        mediaType: 'application/pdf',
        sizeBytes: file.content.length,
        sha256: createHash('sha256').update(file.content).digest('hex'),
      });
      expect(received().equals(Buffer.from(file.content))).toBe(true);
      const keys = sut.rpc
        .sentTo(EventsRequests.uploadDocumentChunk)
        .map((sent) => sent.options.idempotencyKey);
      expect(new Set(keys).size).toBe(3);
    });

    it('takes a file of exactly the largest size', async () => {
      const response = await upload(pdf(MAX_DOCUMENT_BYTES));

      expect(response.status).toBe(201);
      expect(received().length).toBe(MAX_DOCUMENT_BYTES);
    });

    it('refuses a larger file with 413 in German, and sends nothing', async () => {
      const response = await upload(pdf(MAX_DOCUMENT_BYTES + 1));

      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.json).toMatchObject({
        status: 413,
        detail: 'Die Datei ist zu groß. Erlaubt sind höchstens 20 MB je Datei.',
      });
      expect(sut.rpc.sentTo(EventsRequests.beginDocumentUpload)).toHaveLength(0);
    });

    it('refuses a type that is not allowed with 415 in German, and sends nothing', async () => {
      const response = await upload({ content: Buffer.from('<html>'), type: 'text/html', name: 'x.html' });

      expect(response.status).toBe(415);
      expect(response.json).toMatchObject({
        status: 415,
        detail: 'Dateityp text/html nicht erlaubt. Erlaubt sind PDF, PNG, JPEG, DOCX, PPTX und XLSX.',
      });
      expect(sut.rpc.sentTo(EventsRequests.beginDocumentUpload)).toHaveLength(0);
    });

    it.each([
      ['a file in another field', { ...pdf(10), field: 'attachment' }, {}, 'attachment'],
      ['no file', undefined, {}, 'file'],
      ['an empty file', { ...pdf(0) }, {}, 'file'],
      ['no title', pdf(10), { title: '' }, 'title'],
      ['an unknown kind', pdf(10), { kind: 'flyer' }, 'kind'],
      ['an unknown field', pdf(10), { public: 'true' }, 'public'],
    ])('refuses %s with 400 naming the field', async (_case, file, fields, field) => {
      const response = await upload(file, fields);

      expect(response.status).toBe(400);
      expect(fieldsOf(response.json)).toEqual([field]);
      expect(sut.rpc.sentTo(EventsRequests.beginDocumentUpload)).toHaveLength(0);
    });

    it('refuses a member with 403', async () => {
      expect((await upload(pdf(10), {}, member)).status).toBe(403);
    });

    it('keeps only the name of a file sent with a path, without quotes', async () => {
      await upload({ ...pdf(10), name: '..\\..\\C:\\Temp\\pro"gramm.pdf' });

      expect(sut.rpc.sentTo(EventsRequests.beginDocumentUpload)[0]?.payload).toMatchObject({
        fileName: 'programm.pdf',
      });
    });

    it('refuses a form whose part headers are broken with a 400 problem in German', async () => {
      const response = await upload({ ...pdf(10), name: 'pro\u0007gramm.pdf' });

      expect(response.status).toBe(400);
      expect(response.json).toMatchObject({ detail: expect.stringContaining('Formular') as string });
    });
  });

  describe('download', () => {
    function serve(content: Buffer, mediaType: DocumentMediaType, overrides: Partial<DocumentReply> = {}) {
      const document: DocumentReply = {
        eventId,
        documentId: randomUUID(),
        kind: 'programme',
        title: 'Programm',
        fileName: 'Programm Übersicht 2027.pdf',
        mediaType,
        sizeBytes: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        uploadedAt: '2027-01-20T10:15:00.000Z',
        uploadedBy: { subject: 'staff-1', role: 'staff' },
        chunkBytes: DOCUMENT_CHUNK_BYTES,
        chunkCount: Math.ceil(content.length / DOCUMENT_CHUNK_BYTES),
        ...overrides,
      };
      sut.rpc
        .answer(EventsRequests.getDocument, ({ documentId }) => {
          if (documentId !== document.documentId) throw new NotFoundError('Dieses Dokument gibt es nicht.');
          return document;
        })
        .answer(EventsRequests.readDocumentChunk, ({ index }) => ({
          data: content
            .subarray(index * DOCUMENT_CHUNK_BYTES, (index + 1) * DOCUMENT_CHUNK_BYTES)
            .toString('base64'),
        }));
      return document;
    }

    it('streams the chunks in order, byte for byte, as an attachment that is never sniffed', async () => {
      const content = randomBytes(DOCUMENT_CHUNK_BYTES * 3 + 17);
      const document = serve(content, 'application/pdf');

      const response = await fetch(`${sut.url}/api/v1/events/${eventId}/documents/${document.documentId}`, {
        headers: { authorization: `Bearer ${member}` },
      });

      expect(response.status).toBe(200);
      expect(Object.fromEntries(response.headers)).toMatchObject({
        'content-type': 'application/pdf',
        'content-length': String(content.length),
        'content-disposition':
          `attachment; filename="Programm Uebersicht 2027.pdf"; ` +
          `filename*=UTF-8''Programm%20%C3%9Cbersicht%202027.pdf`,
        'x-content-type-options': 'nosniff',
      });
      expect(Buffer.from(await response.arrayBuffer()).equals(content)).toBe(true);
      expect(sut.rpc.sentTo(EventsRequests.readDocumentChunk).map((sent) => sent.payload)).toEqual(
        [0, 1, 2, 3].map((index) => ({ eventId, documentId: document.documentId, index })),
      );
    });

    it('answers an unknown document with a 404 problem and a malformed id with 400', async () => {
      serve(randomBytes(10), 'image/png');

      const unknown = await sut.request(`/api/v1/events/${eventId}/documents/${randomUUID()}`, {
        token: member,
      });
      const malformed = await sut.request(`/api/v1/events/${eventId}/documents/programm.pdf`, {
        token: member,
      });

      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('content-type')).toContain('application/problem+json');
      expect(malformed.status).toBe(400);
      expect(fieldsOf(malformed.json)).toEqual(['documentId']);
    });

    it('cuts the connection instead of finishing a file that does not match its SHA-256', async () => {
      const document = serve(randomBytes(DOCUMENT_CHUNK_BYTES + 10), 'application/pdf', {
        sha256: '0'.repeat(64),
      });

      const response = await fetch(`${sut.url}/api/v1/events/${eventId}/documents/${document.documentId}`, {
        headers: { authorization: `Bearer ${member}` },
      });

      expect(response.status).toBe(200);
      await expect(response.arrayBuffer()).rejects.toThrow();
    });

    it('needs a sign-in', async () => {
      expect((await sut.request(`/api/v1/events/${eventId}/documents/${randomUUID()}`)).status).toBe(401);
    });
  });

  describe('remove', () => {
    it('removes for the office only and answers with the event', async () => {
      const documentId = randomUUID();
      const path = `/api/v1/events/${eventId}/documents/${documentId}`;

      expect((await sut.request(path, { method: 'DELETE', token: member })).status).toBe(403);
      const response = await sut.request(path, { method: 'DELETE', token: staff });

      expect(response.status).toBe(200);
      expect(response.json).toMatchObject({ eventId });
      expect(sut.rpc.sentTo(EventsRequests.removeDocument).map((sent) => sent.payload)).toEqual([
        { eventId, documentId },
      ]);
    });
  });
});
