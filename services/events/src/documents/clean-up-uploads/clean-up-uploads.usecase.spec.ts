import { clubEvent, loungePlan } from '../../testing/event-factories';
import { FixedClock, InMemoryClubEvents } from '../../testing/in-memory-events';
import { DocumentUpload, DocumentUploadsRepository } from '../document-uploads.repository';
import { UploadState } from '../document-upload.schema';
import { CleanUpUploadsUseCase } from './clean-up-uploads.usecase';
import { mock } from 'jest-mock-extended';

const now = new Date('2027-03-10T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

function upload(uploadId: string, state: UploadState, updatedAt: Date, eventId: string): DocumentUpload {
  return {
    uploadId,
    eventId,
    kind: 'other',
    title: 'Anfahrt',
    fileName: 'anfahrt.pdf',
    mediaType: 'application/pdf',
    sizeBytes: 1000,
    sha256: 'a'.repeat(64),
    chunkCount: 1,
    uploadedBy: { subject: 'staff-1', role: 'staff' },
    state,
    createdAt: updatedAt,
    updatedAt,
  };
}

/** Uploads in memory, with the repository's query for stale ones. */
class InMemoryUploads {
  readonly uploads = new Map<string, DocumentUpload>();

  findStale(state: UploadState, before: Date): Promise<DocumentUpload[]> {
    return Promise.resolve(
      [...this.uploads.values()].filter(
        (candidate) => candidate.state === state && candidate.updatedAt < before,
      ),
    );
  }

  setState(uploadId: string, state: UploadState, at: Date): Promise<void> {
    const found = this.uploads.get(uploadId);
    if (found) this.uploads.set(uploadId, { ...found, state, updatedAt: at });
    return Promise.resolve();
  }

  delete(uploadId: string): Promise<void> {
    this.uploads.delete(uploadId);
    return Promise.resolve();
  }

  asRepository(): DocumentUploadsRepository {
    return mock<DocumentUploadsRepository>({
      findStale: (state, before) => this.findStale(state, before),
      setState: (uploadId, state, at) => this.setState(uploadId, state, at),
      delete: (uploadId) => this.delete(uploadId),
    });
  }
}

function newTestUseCase() {
  const events = new InMemoryClubEvents();
  const uploads = new InMemoryUploads();
  const event = clubEvent(loungePlan());
  events.stored.set(event.id, event);
  const sut = new CleanUpUploadsUseCase(uploads.asRepository(), events.asRepository(), new FixedClock(now));
  return { sut, uploads, events, event };
}

describe(CleanUpUploadsUseCase.name, () => {
  it('deletes uploads abandoned for more than a day, and leaves younger ones alone', async () => {
    const { sut, uploads, event } = newTestUseCase();
    uploads.uploads.set('abandoned', upload('abandoned', 'receiving', hoursAgo(26), event.id));
    uploads.uploads.set('in-progress', upload('in-progress', 'receiving', hoursAgo(2), event.id));
    uploads.uploads.set('done', upload('done', 'completed', hoursAgo(100), event.id));

    await sut.execute();

    expect([...uploads.uploads.keys()].sort()).toEqual(['done', 'in-progress']);
  });

  it('finishes a removal that a crash cut off, and undoes one whose event still lists the document', async () => {
    const { sut, uploads, events, event } = newTestUseCase();
    const listed = upload('listed', 'removing', hoursAgo(1), event.id);
    events.stored.set(event.id, {
      ...event,
      documents: [{ ...listed, documentId: 'listed', uploadedAt: listed.createdAt }],
    });
    uploads.uploads.set('listed', listed);
    uploads.uploads.set('removed', upload('removed', 'removing', hoursAgo(1), event.id));

    await sut.execute();

    expect([...uploads.uploads.keys()]).toEqual(['listed']);
    expect(uploads.uploads.get('listed')?.state).toBe('completed');
  });

  it('keeps an old upload that its event lists: the completion was cut off after the event was written', async () => {
    const { sut, uploads, events, event } = newTestUseCase();
    const completed = upload('completed-late', 'receiving', hoursAgo(30), event.id);
    events.stored.set(event.id, {
      ...event,
      documents: [{ ...completed, documentId: 'completed-late', uploadedAt: completed.createdAt }],
    });
    uploads.uploads.set('completed-late', completed);

    await sut.execute();

    expect(uploads.uploads.get('completed-late')?.state).toBe('completed');
  });
});
