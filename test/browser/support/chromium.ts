import type { LaunchOptions } from '@playwright/test';
import { chromiumPath } from '../../../infra/src/local/toolchain';

/**
 * Debian's Chromium, headless (Playwright cannot download its own browser on this closed network).
 * Without the flags that switch off its background traffic (component updates, sync, field trials
 * over QUIC) it keeps connecting to Google, and the refused connections slow it down and fill the log.
 */
export const CHROMIUM_LAUNCH_ARGS: string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** IC_CHROMIUM, else CHROME_PATH, else /usr/bin/chromium (installed by the browser tests' global setup). */
export function chromiumExecutable(): string {
  return chromiumPath();
}

/**
 * Chromium in German, as the office's browsers are: its own texts and the date and time fields
 * („30.03.2086“, „09:30“) follow LANGUAGE, not the page's language (Debian's chromium-l10n has them).
 */
export function chromiumLaunchOptions(): LaunchOptions {
  return {
    executablePath: chromiumExecutable(),
    args: [...CHROMIUM_LAUNCH_ARGS, '--lang=de-DE'],
    env: { ...process.env, LANGUAGE: 'de' },
  };
}
