import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request } from 'express';
import { languageOf } from './i18n/server-text.js';

/**
 * Issue 14, first load: the web build writes a copy of index.html for each page the app opens on
 * and each language, preloading that page's chunks and the language's catalog
 * (packages/web/scripts/landing-pages.mjs, `landing/pages.json`). This picks the copy for a
 * request; any other path gets the plain index.html. A wrong guess costs only a wasted preload:
 * the page itself decides its language and route.
 */
interface LandingPage {
  readonly pattern: RegExp;
  readonly files: Readonly<Record<'en' | 'ko', string>>;
}

/** The cookie the language switch sets beside its localStorage entry (E1). */
export const LANGUAGE_COOKIE = 'csp_language';

function cookieLanguage(cookieHeader: string | undefined): 'en' | 'ko' | null {
  const match = new RegExp(`(?:^|;\\s*)${LANGUAGE_COOKIE}=(en|ko)(?:;|$)`).exec(cookieHeader ?? '');
  return (match?.[1] as 'en' | 'ko' | undefined) ?? null;
}

/** The landing pages of a web build; none when the build has no `landing/pages.json`. */
export function landingPages(webDist: string): (req: Request) => string | null {
  const listFile = path.join(webDist, 'landing/pages.json');
  if (!existsSync(listFile)) return () => null;
  const pages: LandingPage[] = (
    JSON.parse(readFileSync(listFile, 'utf8')) as { pattern: string; files: LandingPage['files'] }[]
  ).map((page) => ({ pattern: new RegExp(page.pattern), files: page.files }));
  return (req) => {
    const page = pages.find((candidate) => candidate.pattern.test(req.path));
    if (!page) return null;
    const language = cookieLanguage(req.get('cookie')) ?? languageOf(req.get('accept-language'));
    return path.resolve(webDist, page.files[language]);
  };
}
