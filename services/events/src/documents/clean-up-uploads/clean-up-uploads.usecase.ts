import { Clock } from '@ic/platform';
import { Injectable, Logger } from '@nestjs/common';
import { ClubEventsRepository } from '../../club-events/club-events.repository';
import { DocumentUpload, DocumentUploadsRepository } from '../document-uploads.repository';
import { UPLOAD_VALIDITY_MS } from '../upload-document/upload-document.usecase';

/** Past the validity, with room for a completion that started just before it ran out. */
const ABANDONED_AFTER_MS = UPLOAD_VALIDITY_MS + 60 * 60 * 1000;
/** A removal that has not finished after this long was cut off (the process died). */
const REMOVAL_CUT_OFF_AFTER_MS = 5 * 60 * 1000;
const BATCH = 100;

/**
 * Removes what uploads leave behind: uploads never completed within a day, and removals cut off
 * between the event's write and the deletion of the content. Whatever the event lists is kept
 * (a completion or removal cut off after the event's write): the event decides.
 */
@Injectable()
export class CleanUpUploadsUseCase {
  private readonly logger = new Logger(CleanUpUploadsUseCase.name);

  constructor(
    private readonly uploads: DocumentUploadsRepository,
    private readonly events: ClubEventsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<void> {
    const now = this.clock.now().getTime();
    const stale = [
      ...(await this.uploads.findStale('receiving', new Date(now - ABANDONED_AFTER_MS), BATCH)),
      ...(await this.uploads.findStale('removing', new Date(now - REMOVAL_CUT_OFF_AFTER_MS), BATCH)),
    ];
    for (const upload of stale) await this.settle(upload);
  }

  private async settle(upload: DocumentUpload): Promise<void> {
    const event = await this.events.findById(upload.eventId);
    if (event?.documents.some((document) => document.documentId === upload.uploadId)) {
      await this.uploads.setState(upload.uploadId, 'completed', this.clock.now());
      this.logger.log(`Upload ${upload.uploadId} is a document of event ${upload.eventId}; kept it`);
      return;
    }
    await this.uploads.delete(upload.uploadId);
    this.logger.log(
      `Deleted ${upload.state === 'receiving' ? 'the abandoned upload' : 'the removed document'} ${upload.uploadId} ("${upload.fileName}") of event ${upload.eventId}`,
    );
  }
}
