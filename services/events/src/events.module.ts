import { DataServiceModule, memberReplicaControllerFor } from '@ic/messaging';
import { Clock } from '@ic/platform';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ChangeStatusUseCase } from './club-events/change-status/change-status.usecase';
import { CLUB_EVENT_MODEL, ClubEventSchema } from './club-events/club-event.schema';
import { ClubEventsController } from './club-events/club-events.controller';
import { ClubEventsQueries } from './club-events/club-events.queries';
import { ClubEventsRepository } from './club-events/club-events.repository';
import { CreateEventUseCase } from './club-events/create-event/create-event.usecase';
import { UpdateEventUseCase } from './club-events/update-event/update-event.usecase';
import { CleanUpUploadsUseCase } from './documents/clean-up-uploads/clean-up-uploads.usecase';
import {
  DOCUMENT_CHUNK_MODEL,
  DOCUMENT_UPLOAD_MODEL,
  DocumentChunkSchema,
  DocumentUploadSchema,
} from './documents/document-upload.schema';
import { DocumentUploadsRepository } from './documents/document-uploads.repository';
import { DocumentsController } from './documents/documents.controller';
import { DocumentsQueries } from './documents/documents.queries';
import { RemoveDocumentUseCase } from './documents/remove-document/remove-document.usecase';
import { UploadDocumentUseCase } from './documents/upload-document/upload-document.usecase';
import { EventsEnv } from './events.env';
import { MEMBER_SPEAKER_MODEL, MemberSpeakerSchema } from './replicas/member-speaker.schema';
import { MemberSpeakersRepository } from './replicas/member-speakers.repository';
import { EventScheduler } from './scheduler/event-scheduler';

@Module({
  imports: [
    DataServiceModule.forService('events', EventsEnv),
    MongooseModule.forFeature([
      { name: CLUB_EVENT_MODEL, schema: ClubEventSchema },
      { name: DOCUMENT_UPLOAD_MODEL, schema: DocumentUploadSchema },
      { name: DOCUMENT_CHUNK_MODEL, schema: DocumentChunkSchema },
      { name: MEMBER_SPEAKER_MODEL, schema: MemberSpeakerSchema },
    ]),
  ],
  controllers: [
    ClubEventsController,
    DocumentsController,
    memberReplicaControllerFor(MemberSpeakersRepository),
  ],
  providers: [
    Clock,
    ClubEventsRepository,
    DocumentUploadsRepository,
    MemberSpeakersRepository,
    CreateEventUseCase,
    UpdateEventUseCase,
    ChangeStatusUseCase,
    ClubEventsQueries,
    UploadDocumentUseCase,
    RemoveDocumentUseCase,
    CleanUpUploadsUseCase,
    DocumentsQueries,
    EventScheduler,
  ],
})
export class EventsModule {}
