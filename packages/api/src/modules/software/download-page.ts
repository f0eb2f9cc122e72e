import { errorMessage, type ErrorCode, type Language } from '@csp/domain';

const TITLES: Record<Language, { gone: string; missing: string; action: string }> = {
  en: {
    gone: 'This download link no longer works',
    missing: 'This download link does not exist',
    action: 'Ask the partner who sent it for a new link. They can issue one at any time.',
  },
  ko: {
    gone: '이 다운로드 링크는 더 이상 사용할 수 없습니다',
    missing: '이 다운로드 링크는 존재하지 않습니다',
    action:
      '링크를 보낸 파트너에게 새 링크를 요청하세요. 파트너는 언제든지 새 링크를 발급할 수 있습니다.',
  },
};

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
  const title = code === 'NOT_FOUND' ? text.missing : text.gone;
  const reason =
    code === 'NOT_FOUND' ? '' : `<p>${escape(errorMessage(code, language, details))}</p>`;
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>
<style>body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#242424}h1{font-size:1.4rem}p{line-height:1.5}</style></head>
<body><main><h1>${escape(title)}</h1>${reason}<p>${escape(text.action)}</p><p><small>CSP Software Portal</small></p></main></body>
</html>`;
}
