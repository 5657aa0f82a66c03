import {
  BeginDocumentUploadWithIdRequest,
  DocumentChunkReadRequest,
  DocumentChunkRequest,
  DocumentIdRequest,
  EventsRequests,
  ReplyOf,
  UploadIdRequest,
} from '@ic/contracts';
import { KafkaRequestContext } from '@ic/messaging';
import { actorOf } from '@ic/platform';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { viewerOf } from '../club-events/viewer';
import { DocumentsQueries } from './documents.queries';
import { RemoveDocumentUseCase } from './remove-document/remove-document.usecase';
import { UploadDocumentUseCase } from './upload-document/upload-document.usecase';

type Requests = typeof EventsRequests;

@Controller()
export class DocumentsController {
  constructor(
    private readonly upload: UploadDocumentUseCase,
    private readonly remove: RemoveDocumentUseCase,
    private readonly queries: DocumentsQueries,
  ) {}

  @MessagePattern(EventsRequests.beginDocumentUpload.name)
  begin(
    @Payload() request: BeginDocumentUploadWithIdRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['beginDocumentUpload']>> {
    const { eventId, ...metadata } = request;
    return this.upload.begin(eventId, metadata, actorOf(context.identity));
  }

  @MessagePattern(EventsRequests.uploadDocumentChunk.name)
  chunk(
    @Payload() request: DocumentChunkRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['uploadDocumentChunk']>> {
    return this.upload.receiveChunk(request.uploadId, request.index, request.data, actorOf(context.identity));
  }

  @MessagePattern(EventsRequests.completeDocumentUpload.name)
  complete(
    @Payload() request: UploadIdRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['completeDocumentUpload']>> {
    return this.upload.complete(request.uploadId, actorOf(context.identity), context.correlationId);
  }

  @MessagePattern(EventsRequests.getDocument.name)
  get(
    @Payload() request: DocumentIdRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['getDocument']>> {
    return this.queries.get(request.eventId, request.documentId, viewerOf(context.identity));
  }

  @MessagePattern(EventsRequests.readDocumentChunk.name)
  readChunk(
    @Payload() request: DocumentChunkReadRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['readDocumentChunk']>> {
    return this.queries.readChunk(
      request.eventId,
      request.documentId,
      request.index,
      viewerOf(context.identity),
    );
  }

  @MessagePattern(EventsRequests.removeDocument.name)
  removeDocument(
    @Payload() request: DocumentIdRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<ReplyOf<Requests['removeDocument']>> {
    return this.remove.execute(
      request.eventId,
      request.documentId,
      actorOf(context.identity),
      context.correlationId,
    );
  }
}
