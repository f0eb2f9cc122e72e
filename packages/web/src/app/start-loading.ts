import { prefetchLanding, prefetchSession } from './chunks';
import { requestCatalog } from './i18n/languages';
import { initialLanguage } from './i18n/language-choice';

/**
 * The first module main.tsx imports, so it runs before the rest of the bundle (issue 14, first
 * load): the opening page's code and the language's catalog are requested while React, Fluent
 * and the app are still being evaluated, instead of after; a signed-in page also asks who is
 * signed in as soon as Apollo has arrived. main.tsx waits for both before the
 * first render, so the first paint is the page itself, not "Loading…".
 */
const { pathname } = window.location;
if (!pathname.startsWith('/sign-in')) prefetchSession().catch(() => undefined);

export const landingReady: Promise<unknown> = Promise.all([
  prefetchLanding(pathname),
  requestCatalog(initialLanguage()),
]);
