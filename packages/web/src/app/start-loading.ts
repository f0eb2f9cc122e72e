import { askWhoIsSignedIn } from '../features/auth/early-session';
import { prefetchLanding, prefetchSession } from './chunks';
import { requestCatalog } from './i18n/languages';
import { initialLanguage } from './i18n/language-choice';

/**
 * The first module main.tsx imports, so it runs before the rest of the bundle (issue 14, first
 * load): the opening page's code and the language's catalog are requested while React, Fluent
 * and the app are still being evaluated, instead of after; a signed-in page also asks who is
 * signed in, at once. main.tsx waits for all three before the first render (for the session's
 * answer, a while at most), so the first paint is the page itself, not "Loading…".
 */
const { pathname } = window.location;
const session = pathname.startsWith('/sign-in')
  ? undefined
  : prefetchSession(askWhoIsSignedIn()).catch(() => undefined);

/** How long the first render waits for the session's answer before RequireSession shows Loading. */
const SESSION_WAIT_MS = 1_500;

export const landingReady: Promise<unknown> = Promise.all([
  prefetchLanding(pathname),
  requestCatalog(initialLanguage()),
  session &&
    Promise.race([session, new Promise((resolve) => setTimeout(resolve, SESSION_WAIT_MS))]),
]);
