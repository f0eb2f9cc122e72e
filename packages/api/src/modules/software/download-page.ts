import { errorMessage, type ErrorCode, type Language } from '@csp/domain';

const TITLES: Record<Language, { gone: string; missing: string }> = {
  en: {
    gone: 'This download link no longer works',
    missing: 'This download link does not exist',
  },
  ko: {
    gone: '이 다운로드 링크는 더 이상 사용할 수 없습니다',
    missing: '이 다운로드 링크는 존재하지 않습니다',
  },
};

/**
 * Issue 14: why the link stopped working and what to do, said once. The API's error messages end
 * with their own "ask your partner" sentence, so the page words expired and used-up links itself;
 * a link revoked by a cancellation cannot be replaced, so it is not told to ask for a new one.
 */
const REASONS: Record<Language, Partial<Record<ErrorCode, string>>> = {
  en: {
    LINK_EXPIRED: 'This download link expired on {expiresAt}.',
    LINK_EXHAUSTED: 'This download link has been used {maxDownloads} times, its limit.',
  },
  ko: {
    LINK_EXPIRED: '이 다운로드 링크는 {expiresAt}에 만료되었습니다.',
    LINK_EXHAUSTED: '이 다운로드 링크는 한도인 {maxDownloads}회를 모두 사용했습니다.',
  },
};

const ACTIONS: Record<
  Language,
  { renew: string; revoked: string; missing: string; retry: string }
> = {
  en: {
    renew: 'Ask the partner who sent it for a new link.',
    revoked:
      'The software of a cancelled purchase can no longer be downloaded. If you think this is a mistake, contact the partner who sent the link.',
    missing:
      'Check that the whole link was copied. If it was, ask the partner who sent it for a new link.',
    retry: 'Try again in a few minutes.',
  },
  ko: {
    renew: '링크를 보낸 파트너에게 새 링크를 요청하세요.',
    revoked:
      '취소된 구매의 소프트웨어는 더 이상 다운로드할 수 없습니다. 잘못되었다고 생각되면 링크를 보낸 파트너에게 문의하세요.',
    missing:
      '링크 전체가 복사되었는지 확인하세요. 그래도 안 되면 링크를 보낸 파트너에게 새 링크를 요청하세요.',
    retry: '몇 분 후에 다시 시도하세요.',
  },
};

function fill(template: string, details: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    details[name] === undefined ? whole : String(details[name]),
  );
}

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The requester's language from Accept-Language: Korean if preferred over English, else English. */
export function languageOf(acceptLanguage: string | undefined): Language {
  const preferred = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of preferred) {
    if (tag.startsWith('ko')) return 'ko';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}

/** D3: a small page that says why a link stopped working and what to do. */
export function downloadRefusalPage(
  code: ErrorCode | 'NOT_FOUND',
  language: Language,
  details: Record<string, string | number> = {},
): string {
  const text = TITLES[language];
  const actions = ACTIONS[language];
  const title = code === 'NOT_FOUND' ? text.missing : text.gone;
  const own = code === 'NOT_FOUND' ? undefined : REASONS[language][code];
  const reason =
    code === 'NOT_FOUND'
      ? ''
      : `<p>${escape(own ? fill(own, details) : errorMessage(code, language, details))}</p>`;
  const action =
    code === 'NOT_FOUND'
      ? actions.missing
      : code === 'LINK_REVOKED'
        ? actions.revoked
        : code === 'LINK_EXPIRED' || code === 'LINK_EXHAUSTED'
          ? actions.renew
          : actions.retry;
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>
<style>body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#242424}h1{font-size:1.4rem}p{line-height:1.5}</style></head>
<body><main><h1>${escape(title)}</h1>${reason}<p>${escape(action)}</p><p><small>CSP Software Portal</small></p></main></body>
</html>`;
}
