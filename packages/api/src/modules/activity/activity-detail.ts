import type { ActivityDetailCode } from '@csp/domain';
import { hasServerText, serverText, type Language } from '../../shared/i18n/server-text.js';

/**
 * A1, E1: an entry's detail worded from its code and facts in `language`. A support request's
 * problem type is named by its label (`support.problemType.*`, the web's Report a problem key).
 */
export function activityDetailText(
  language: Language,
  code: ActivityDetailCode,
  params: Record<string, string | number>,
): string {
  const values = { ...params };
  const problemType = `support.problemType.${params['problemType']}`;
  if (hasServerText(problemType)) values['problemType'] = serverText(language, problemType);
  return serverText(language, `activity.detail.${code}`, values);
}
