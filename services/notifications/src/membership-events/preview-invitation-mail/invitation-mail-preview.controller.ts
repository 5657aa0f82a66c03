import {
  InvitationMailPreviewReply,
  InvitationMailPreviewRequest,
  InvitationMailPreviewRequests,
} from '@ic/contracts';
import { KafkaRequestContext } from '@ic/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { PreviewInvitationMailUseCase } from './preview-invitation-mail.usecase';

/** The invitation mail shown to the office before it appoints a person (POST /api/v1/invitations/mail-preview). */
@Controller()
export class InvitationMailPreviewController {
  constructor(private readonly previewInvitationMail: PreviewInvitationMailUseCase) {}

  @MessagePattern(InvitationMailPreviewRequests.previewInvitationMail.name)
  preview(
    @Payload() request: InvitationMailPreviewRequest,
    @Ctx() context: KafkaRequestContext,
  ): InvitationMailPreviewReply {
    return this.previewInvitationMail.execute(request, context.identity);
  }
}
