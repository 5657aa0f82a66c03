import { SendOptions } from '@ic/messaging/client';
import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { CallContext } from '../http/call-context';
import { PAGE_HEADERS, RenderedPage } from './html';
import { UnsubscribeForm } from './page-forms';
import { UnsubscribePages } from './unsubscribe-pages.service';

/**
 * Where the unsubscribe link in announcements leads (outside /api/v1): a small German HTML page
 * that also takes the one-click POST of mail programs. The other links in e-mails (invitation,
 * sign-in) open pages of the web app.
 */
export const LINK_PAGES_PATH = 'abmelden';
export const LINK_PAGE_ROUTES = {
  unsubscribe: `${LINK_PAGES_PATH}/:token`,
} as const;

@Public()
@ApiExcludeController()
@Controller()
export class LinkPagesController {
  constructor(private readonly unsubscribePages: UnsubscribePages) {}

  @Get(LINK_PAGE_ROUTES.unsubscribe)
  confirmUnsubscribe(@Param('token') token: string, @Res({ passthrough: true }) response: Response): string {
    return send(response, this.unsubscribePages.confirm(token));
  }

  @Post(LINK_PAGE_ROUTES.unsubscribe)
  async unsubscribe(
    @Param('token') token: string,
    @Body() form: UnsubscribeForm,
    @CallContext() call: SendOptions,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    return send(response, await this.unsubscribePages.unsubscribe(token, form, call));
  }
}

function send(response: Response, page: RenderedPage): string {
  response.status(page.status).set(PAGE_HEADERS);
  return page.html;
}
