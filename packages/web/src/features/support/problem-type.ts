import type { I18n } from '../../app/i18n/i18n-context';
import { hasMessage } from '../../app/i18n/messages';

/**
 * S1: a problem type by the label Report a problem offers it with (`support.problemType.*`); the
 * support-request list and activity details name it the same way. Unknown codes stay codes.
 */
export function problemTypeLabel(problemType: string, i18n: I18n): string {
  const key = `support.problemType.${problemType}`;
  return hasMessage(key) ? i18n.t(key) : problemType;
}
