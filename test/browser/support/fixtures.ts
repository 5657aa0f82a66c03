import { test as base } from '@playwright/test';
import { E2eClient } from '../../support/e2e-client';
import { MailSink } from '../../support/mail-sink';
import { testInfrastructure } from '../../support/test-infrastructure';
import { BROWSER_GATEWAY_URL } from './browser-settings';

export { expect } from '@playwright/test';
export { expectNoAxeViolations, WCAG_21_AA_TAGS } from './axe';
export { screenshot } from './screenshot';

export interface BrowserFixtures {
  /**
   * The API client of the end-to-end tests against this platform's gateway, to arrange data the
   * way the office does (`api.call`, `api.callRetrying`, `api.publishEvent`, `api.newMember`).
   */
  readonly api: E2eClient;
  /** The SMTP sink: `mail.mailsTo(address)`, `mail.linkFromMail(address, 'anmelden')` → `{ url, token, message }`. */
  readonly mail: MailSink;
  /** An access token of this run's first staff account (Bearer, for `api`), signed in once per test. */
  readonly staffToken: string;
}

/**
 * `test` of the browser tests: Playwright's `page` and `baseURL` (the platform's gateway, so
 * `page.goto('/veranstaltungen')`), plus the fixtures above.
 */
export const test = base.extend<BrowserFixtures>({
  api: async ({ baseURL }, use) => {
    await use(new E2eClient(baseURL ?? BROWSER_GATEWAY_URL, testInfrastructure().mailSinkUrl));
  },
  mail: async ({ api }, use) => {
    await use(api.mail);
  },
  staffToken: async ({ api }, use) => {
    await use(await api.staffLogin(0));
  },
});
