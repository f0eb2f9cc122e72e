import { ATTACHMENT_RULES, isErrorCode, isFieldErrorCode, PERMISSIONS } from '@csp/domain';
import { fieldErrorText } from '../../app/forms/field-error-text';
import type { I18n } from '../../app/i18n/i18n-context';
import type { Upload } from './useUploads';

/** S3: a request's status in the chosen language. */
export function statusLabel(status: string, i18n: I18n): string {
  switch (status) {
    case 'SUBMITTED':
      return i18n.t('support.status.SUBMITTED');
    case 'IN_PROGRESS':
      return i18n.t('support.status.IN_PROGRESS');
    case 'RESOLVED':
      return i18n.t('support.status.RESOLVED');
    default:
      return status;
  }
}

/** A file's size in bytes, KB or MB, in the chosen language. */
export function formatSize(bytes: number, i18n: I18n): string {
  if (bytes < 1024) return i18n.t('support.file.bytes', { size: i18n.number(bytes) });
  const oneDecimal = new Intl.NumberFormat(i18n.locale, { maximumFractionDigits: 1 });
  const kb = bytes / 1024;
  return kb < 1024
    ? i18n.t('support.file.kb', { size: oneDecimal.format(kb) })
    : i18n.t('support.file.mb', { size: oneDecimal.format(kb / 1024) });
}

/** S2: why a file cannot be attached, from the domain's check or POST /files' answer. */
export function uploadProblemText(upload: Upload, i18n: I18n): string | null {
  const problem = upload.problem;
  if (!problem) return null;
  if (problem === 'network') return i18n.t('support.file.network');
  if (problem === 'tooMany')
    return fieldErrorText(
      { code: 'TOO_MANY', params: { max: ATTACHMENT_RULES.max } },
      i18n,
      'attachmentIds',
    );
  if (isFieldErrorCode(problem.code) && 'params' in problem) return fieldErrorText(problem, i18n);
  if ('httpStatus' in problem) {
    if (problem.fieldError) return fieldErrorText(problem.fieldError, i18n);
    if (problem.httpStatus === 413)
      return i18n.t('support.file.tooLarge', { maxMb: ATTACHMENT_RULES.maxMb });
    if (isErrorCode(problem.code)) {
      // POST /files answers the code alone; the roles that may upload are those of R6.
      return i18n.t(`error.code.${problem.code}`, {
        missingRoles: i18n.anyOf(PERMISSIONS.SUBMIT_SUPPORT_REQUEST.map((role) => i18n.role(role))),
      });
    }
  }
  return i18n.t('error.unexpected');
}
