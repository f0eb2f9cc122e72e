import { activeLanguage } from './i18n/language-choice';
import { recordDateHeader } from './server-clock';

/**
 * fetch in the page's language (Accept-Language: the API's texts and catalog data follow it),
 * noting the server's clock from each answer's Date header (app/server-clock.ts). Apollo's link
 * and the sign-in request (which runs before Apollo is loaded) both go through it.
 */
export const fetchInPageLanguage: typeof fetch = async (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set('accept-language', activeLanguage());
  const response = await fetch(input, { ...init, headers });
  recordDateHeader(response.headers.get('date'));
  return response;
};
