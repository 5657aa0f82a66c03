import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InfraSetupError } from '../settings';
import { chromiumPath, DEBIAN_CHROMIUM, ensureChromium } from './toolchain';

describe('chromiumPath', () => {
  it("is Debian's chromium unless IC_CHROMIUM or CHROME_PATH names another, IC_CHROMIUM first", () => {
    expect(chromiumPath({})).toBe(DEBIAN_CHROMIUM);
    expect(chromiumPath({ CHROME_PATH: '/opt/chrome/chrome' })).toBe('/opt/chrome/chrome');
    expect(chromiumPath({ CHROME_PATH: '/opt/chrome/chrome', IC_CHROMIUM: '/opt/chromium/chrome' })).toBe(
      '/opt/chromium/chrome',
    );
  });
});

describe('ensureChromium', () => {
  let dir: string;
  const log = jest.fn();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ic-chromium-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes an executable named by a variable as it is, installing nothing', async () => {
    const executable = join(dir, 'chrome');
    writeFileSync(executable, '#!/bin/sh\n');
    chmodSync(executable, 0o755);
    await expect(ensureChromium(log, { CHROME_PATH: executable })).resolves.toBe(executable);
    expect(log).not.toHaveBeenCalled();
  });

  it('refuses a named path that is not executable, naming the variable', async () => {
    const missing = join(dir, 'missing');
    await expect(ensureChromium(log, { IC_CHROMIUM: missing })).rejects.toThrow(
      new InfraSetupError(`IC_CHROMIUM=${missing} is not an executable file.`),
    );
  });
});
