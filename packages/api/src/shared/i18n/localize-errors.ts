import type { ApolloServerPlugin } from '@apollo/server';
import { isErrorCode, isRole, type ErrorCode } from '@csp/domain';
import type { GraphQLFormattedError } from 'graphql';
import {
  hasServerText,
  languageOf,
  serverText,
  type Language,
  type TextValues,
} from './server-text.js';
import type { ServerTextKey } from './server-texts.js';

/** The facts of an error in a language: roles and the missing resource by their names there. */
function valuesOf(extensions: Record<string, unknown>, language: Language): TextValues {
  const values: TextValues = {};
  for (const [name, value] of Object.entries(extensions)) {
    if (typeof value === 'string' || typeof value === 'number') values[name] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      values[name] = value as string[];
    }
  }
  const roleCodes = extensions['missingRoleCodes'];
  if (Array.isArray(roleCodes)) {
    values['missingRoles'] = roleCodes.filter(isRole).map((r) => serverText(language, `role.${r}`));
  }
  const resource = extensions['resource'];
  if (typeof resource === 'string' && hasServerText(`resource.${resource}`)) {
    values['resource'] = serverText(language, `resource.${resource}` as ServerTextKey);
  }
  // A reason sent as a code with its parameters (`reasonCode`, e.g. FIELDS_NEED_ATTENTION).
  const reasonCode = extensions['reasonCode'];
  if (typeof reasonCode === 'string' && hasServerText(`reason.${reasonCode}`)) {
    values['reason'] = serverText(language, `reason.${reasonCode}` as ServerTextKey, values);
  }
  return values;
}

/** The message of a refusal with a domain code in `language`, from its code and extensions. */
export function refusalMessage(
  language: Language,
  code: ErrorCode,
  extensions: Record<string, unknown> = {},
): string {
  return serverText(language, `error.${code}`, valuesOf(extensions, language));
}

/** One formatted error, its message in `language` when its code is one of the domain's. */
export function localizeError(error: GraphQLFormattedError, language: Language) {
  const code = error.extensions?.['code'];
  if (language === 'en' || !isErrorCode(code)) return error;
  return { ...error, message: refusalMessage(language, code, error.extensions) };
}

/**
 * E1, E2: GraphQL clients that want words get them in the language of Accept-Language (English
 * or Korean). Errors leave formatError in English with their code; this puts each message of a
 * known code in the caller's language just before the answer is sent. The code stays the contract.
 */
export const localizeErrors: ApolloServerPlugin = {
  async requestDidStart({ request }) {
    const language = languageOf(request.http?.headers.get('accept-language'));
    return {
      async willSendResponse({ response }) {
        if (language === 'en' || response.body.kind !== 'single') return;
        const errors = response.body.singleResult.errors;
        if (errors) {
          response.body.singleResult.errors = errors.map((e) => localizeError(e, language));
        }
      },
    };
  },
};
