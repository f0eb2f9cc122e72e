import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Shared by the browser suites: Debian's Chromium, screenshots, and the axe check. */
export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const outDir = path.join(webRoot, 'e2e-output');
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export const chromiumFound = existsSync(CHROMIUM);
export const inCI = process.env['CI'] === 'true';
if (!chromiumFound && !inCI) console.log(`SKIPPED: Chromium not found at ${CHROMIUM}`);

/**
 * Left out of the axe check, each for a reason outside this app:
 * - Fluent UI's Tabster focus-redirect elements (`<i data-tabster-dummy tabindex=0 aria-hidden>`):
 *   they move focus on at once and are how Fluent's keyboard navigation works;
 * - GraphiQL's editor tabs: `<li role="tab">` with buttons inside (nested-interactive), GraphiQL's
 *   own markup, not changeable from here.
 */
export const AXE_EXCLUDE = [['[data-tabster-dummy]'], ['.graphiql-tabs']];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Saves a screenshot `<prefix>-NN-name.png` and asserts axe finds no serious or critical violation. */
  checkScreen(name: string, target?: Page): Promise<void>;
  close(): Promise<void>;
}

/** A phone: 390×844 CSS px, touch, device scale 2 (issue 14). */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
} as const;

export async function openBrowser(
  prefix: string,
  options: { phone?: boolean; locale?: string } = {},
): Promise<BrowserSession> {
  if (!chromiumFound) throw new Error(`Chromium not found at ${CHROMIUM} (CI=true needs it)`);
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  // axe is injected with addScriptTag, an inline script the portal's CSP refuses; this context
  // lets it in. The CSP itself is checked in a strict context by the journey suite.
  const context = await browser.newContext({
    ...(options.phone ? PHONE : { viewport: { width: 1280, height: 860 } }),
    bypassCSP: true,
    locale: options.locale ?? 'en-US',
    timezoneId: 'Asia/Seoul',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  let shot = 0;
  async function checkScreen(name: string, target: Page = page) {
    shot += 1;
    await target.screenshot({
      path: path.join(outDir, `${prefix}-${String(shot).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });
    if (!(await target.evaluate(() => 'axe' in window))) {
      await target.addScriptTag({ content: axeSource });
    }
    const violations = await target.evaluate(async (exclude) => {
      const axe = (
        window as unknown as { axe: { run(context: object): Promise<{ violations: unknown[] }> } }
      ).axe;
      return (await axe.run({ exclude })).violations;
    }, AXE_EXCLUDE);
    const serious = (violations as AxeViolation[])
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    expect(serious, `axe on ${name}`).toEqual([]);
  }
  return { browser, context, page, checkScreen, close: () => browser.close() };
}
