// The machine's Chromium for the browser tests: where it is, whether it is there, and how to launch it headless.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's `chromium` package (CI installs it, see .ci/run); CHROMIUM_PATH points elsewhere. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Undefined when the browser can run; otherwise why the browser tests skip. */
export const missingBrowser = (): string | undefined =>
  existsSync(chromiumPath)
    ? undefined
    : `browser tests skipped: no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`;

// Headless, no sandbox (containers, root), and nothing that reaches the network on its own.
const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Playwright gives every launch a fresh temporary profile (--user-data-dir) and removes it on close. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: chromiumPath, headless: true, args });
