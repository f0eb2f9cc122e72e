#!/usr/bin/env node
/* global console, process, fetch, setTimeout, clearTimeout */
/**
 * Loading on a phone (issue 14): Lighthouse (npm `lighthouse`) in Debian's Chromium against the
 * real portal (built API and web, fresh demo data), for /sign-in and for /customers signed in,
 * with the mobile preset (a slow 4G phone) and the desktop one. Prints the scores and timings;
 * asserts nothing (the figures go to docs/performance.md).
 *
 *   pnpm build && pnpm --filter @csp/web bench:lighthouse
 *   CHROME_PATH=/usr/bin/chromium RUNS=3 node scripts/lighthouse.mjs   (median of RUNS)
 *   REPORT_DIR=/tmp/lh node scripts/lighthouse.mjs   (also writes each run's full report, JSON)
 *   ONLY=sign-in|customers PRESETS=mobile node scripts/lighthouse.mjs   (a subset, for quick checks)
 *   LANGUAGE=ko node scripts/lighthouse.mjs   (Chromium in Korean: the Korean landing pages and catalog)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.RUNS ?? 1);
const REPORT_DIR = process.env.REPORT_DIR;
const ONLY = process.env.ONLY;
const PRESETS = (process.env.PRESETS ?? 'mobile,desktop').split(',');
const LANGUAGE = process.env.LANGUAGE ?? 'en';
const EMAIL = 'admin.agent@contoso.example';
const PASSWORD = 'demo-password-2026';

/** Starts `node ../api/dist/main.js` on a free port with a fresh data folder. */
async function startServer() {
  const main = path.resolve(webRoot, '../api/dist/main.js');
  for (const file of [main, path.join(webRoot, 'dist/index.html')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run pnpm build first.`);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'csp-lighthouse-'));
  const child = spawn(process.execPath, [main], {
    cwd: webRoot,
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk) => {
      output += chunk.toString();
      const match = /is running at (http:\/\/localhost:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  for (const deadline = Date.now() + 30_000; ;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url}/healthz never answered`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium with a DevTools port for Lighthouse to drive. */
async function startChromium() {
  const profile = mkdtempSync(path.join(tmpdir(), 'csp-lighthouse-profile-'));
  const child = spawn(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // The browser's language decides the landing page's copy and the app's first language.
      `--lang=${LANGUAGE}`,
      `--accept-lang=${LANGUAGE}`,
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let output = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${output}`)), 30_000);
    child.stderr.on('data', (chunk) => {
      output += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  });
  return {
    port,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      // Chromium's helper processes may still be writing the profile as the browser exits.
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      } catch {
        // a temporary folder; the system cleans it up
      }
    },
  };
}

/** The session cookie of the demo Admin agent, for the signed-in pages. */
async function sessionCookie(url) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($input: SignInInput!) { signIn(input: $input) { __typename } }',
      variables: { input: { email: EMAIL, password: PASSWORD } },
    }),
  });
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]);
  if (cookie.length === 0) throw new Error(`sign-in gave no cookie: ${await response.text()}`);
  return cookie.join('; ');
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  // Lighthouse times the page on this CPU: other jobs on the machine inflate TBT and LCP.
  const loadAtStart = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  const server = await startServer();
  const chrome = await startChromium();
  const rows = [];
  try {
    const cookie = await sessionCookie(server.url);
    const pages = [
      { name: '/sign-in', path: '/sign-in', headers: {} },
      { name: '/customers (signed in)', path: '/customers', headers: { Cookie: cookie } },
    ].filter((target) => !ONLY || target.path === `/${ONLY}`);
    if (REPORT_DIR) mkdirSync(REPORT_DIR, { recursive: true });
    for (const target of pages) {
      for (const preset of PRESETS) {
        const runs = [];
        for (let run = 0; run < RUNS; run += 1) {
          const audit = () =>
            lighthouse(
              `${server.url}${target.path}`,
              {
                port: chrome.port,
                output: 'json',
                logLevel: 'error',
                onlyCategories: ['performance', 'accessibility', 'best-practices'],
                extraHeaders: target.headers,
              },
              preset === 'desktop' ? desktopConfig : undefined,
            );
          let result = await audit();
          // Lighthouse sometimes loses the trace on a busy machine (NO_NAVSTART): one retry.
          if (result.lhr.runtimeError) result = await audit();
          if (result.lhr.runtimeError) throw new Error(result.lhr.runtimeError.message);
          const { categories, audits } = result.lhr;
          if (REPORT_DIR) {
            const name = `${target.path.slice(1)}-${LANGUAGE}-${preset}-${run + 1}.json`;
            writeFileSync(path.join(REPORT_DIR, name), JSON.stringify(result.lhr));
          }
          runs.push({
            performance: categories.performance.score,
            lcp: audits['largest-contentful-paint'].numericValue,
            tbt: audits['total-blocking-time'].numericValue,
            fcp: audits['first-contentful-paint'].numericValue,
            accessibility: categories.accessibility.score,
            bestPractices: categories['best-practices'].score,
            bytes: audits['total-byte-weight'].numericValue,
          });
        }
        const pick = (key) => median(runs.map((r) => r[key]));
        rows.push({
          page: LANGUAGE === 'en' ? target.name : `${target.name} (${LANGUAGE})`,
          preset,
          performance: pick('performance').toFixed(2),
          FCP: `${(pick('fcp') / 1000).toFixed(1)} s`,
          LCP: `${(pick('lcp') / 1000).toFixed(1)} s`,
          TBT: `${Math.round(pick('tbt'))} ms`,
          accessibility: pick('accessibility').toFixed(2),
          'best practices': pick('bestPractices').toFixed(2),
          transferred: `${Math.round(pick('bytes') / 1024)} KiB`,
        });
      }
    }
  } finally {
    await chrome.stop();
    await server.stop();
  }
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  console.log(`Lighthouse (${RUNS === 1 ? 'one run' : `median of ${RUNS} runs`} each):`);
  console.log(`Load average at start ${loadAtStart}, at end ${load} (${cpus().length} cores).`);
  console.table(rows);
  const header = Object.keys(rows[0]);
  console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${header.map((h) => row[h]).join(' | ')} |`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
