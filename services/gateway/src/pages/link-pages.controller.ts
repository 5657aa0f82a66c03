import { SendOptions } from '@ic/messaging';
import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { CallContext } from '../http/call-context';
import { PAGE_HEADERS, RenderedPage } from './html';
import { InvitationPages } from './invitation-pages.service';
import { DeclineForm, PageForm, UnsubscribeForm } from './page-forms';
import { SignInPages } from './sign-in-pages.service';
import { UnsubscribePages } from './unsubscribe-pages.service';

/** Where the links in the e-mails lead (outside /api/v1): small German HTML pages for a person. */
export const LINK_PAGE_ROUTES = {
  invitation: 'einladung/:token',
  accept: 'einladung/:token/zusagen',
  decline: 'einladung/:token/absagen',
  signIn: 'anmelden/:token',
  unsubscribe: 'abmelden/:token',
} as const;

@Public()
@ApiExcludeController()
@Controller()
export class LinkPagesController {
  constructor(
    private readonly invitations: InvitationPages,
    private readonly signIn: SignInPages,
    private readonly unsubscribePages: UnsubscribePages,
  ) {}

  @Get(LINK_PAGE_ROUTES.invitation)
  async invitation(
    @Param('token') token: string,
    @CallContext() call: SendOptions,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    return send(response, await this.invitations.show(token, call));
  }

  @Post(LINK_PAGE_ROUTES.accept)
  async accept(
    @Param('token') token: string,
    @Body() form: PageForm,
    @CallContext() call: SendOptions,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    return send(response, await this.invitations.accept(token, form, call));
  }

  @Post(LINK_PAGE_ROUTES.decline)
  async decline(
    @Param('token') token: string,
    @Body() form: DeclineForm,
    @CallContext() call: SendOptions,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    return send(response, await this.invitations.decline(token, form, call));
  }

  @Get(LINK_PAGE_ROUTES.signIn)
  confirmSignIn(@Param('token') token: string, @Res({ passthrough: true }) response: Response): string {
    return send(response, this.signIn.confirm(token));
  }

  @Post(LINK_PAGE_ROUTES.signIn)
  async signInNow(
    @Param('token') token: string,
    @Body() form: PageForm,
    @CallContext() call: SendOptions,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    return send(response, await this.signIn.redeem(token, form, call));
  }

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
