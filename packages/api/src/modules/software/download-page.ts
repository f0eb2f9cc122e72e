import type { ErrorCode } from '@csp/domain';
import { serverText, type Language } from '../../shared/i18n/server-text.js';
import type { ServerTextKey } from '../../shared/i18n/server-texts.js';

/*
 * Issue 14: why the link stopped working and what to do, said once, in the language of
 * Accept-Language (the API's catalog). The error messages end with their own "ask your partner"
 * sentence, so the page words expired and used-up links itself (download.reason.*); a link
 * revoked by a cancellation cannot be replaced, so it is not told to ask for a new one.
 */

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** D3: a small page that says why a link stopped working and what to do. */
export function downloadRefusalPage(
  code: ErrorCode | 'NOT_FOUND',
  language: Language,
  details: Record<string, string | number> = {},
): string {
  const text = (key: ServerTextKey) => serverText(language, key, details);
  const title = text(code === 'NOT_FOUND' ? 'download.title.missing' : 'download.title.gone');
  const reason =
    code === 'NOT_FOUND'
      ? ''
      : `<p>${escape(
          code === 'LINK_EXPIRED' || code === 'LINK_EXHAUSTED'
            ? text(`download.reason.${code}`)
            : text(`error.${code}`),
        )}</p>`;
  const action = text(
    code === 'NOT_FOUND'
      ? 'download.action.missing'
      : code === 'LINK_REVOKED'
        ? 'download.action.revoked'
        : code === 'LINK_EXPIRED' || code === 'LINK_EXHAUSTED'
          ? 'download.action.renew'
          : 'download.action.retry',
  );
  // Korean breaks between words (keep-all), not inside them, unless a word cannot fit at all.
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>
<style>body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#242424}h1{font-size:1.4rem}p{line-height:1.5}:lang(ko){word-break:keep-all;overflow-wrap:anywhere}</style></head>
<body><main><h1>${escape(title)}</h1>${reason}<p>${escape(action)}</p><p><small>${escape(text('app.name'))}</small></p></main></body>
</html>`;
}
