import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The rules the portal must pass: WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core on the page as it is now and fails listing every violation: the rule, its impact,
 * what it asks for, and the elements (CSS selectors) that break it.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA_TAGS).analyze();
  const violations = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help} [${violation.helpUrl}]\n` +
      violation.nodes
        .map(
          (node) => `    ${node.target.join(' ')}${node.failureSummary ? ` – ${node.failureSummary}` : ''}`,
        )
        .join('\n'),
  );
  expect(violations, `axe (WCAG 2.1 AA) on ${page.url()}`).toEqual([]);
}
