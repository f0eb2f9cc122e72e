import { createContext, type ReactNode } from 'react';
import type { IntlShape } from 'react-intl';
import type { Language, MessageKey, MessageValues } from './messages';

export interface MoneyLike {
  readonly amountMinor: number;
  readonly currency: string;
}

export type RichValues = Record<string, string | number | ((text: ReactNode[]) => ReactNode)>;

export interface I18n {
  readonly language: Language;
  /** BCP 47 locale for Intl ("en-US", "ko-KR"). */
  readonly locale: string;
  /** react-intl's formatter, for rich text (`intl.formatMessage` with tag functions). */
  readonly intl: IntlShape;
  setLanguage(language: Language): void;
  /** An ICU message of the active catalog, its arguments filled from `values`. */
  t(key: MessageKey, values?: MessageValues): string;
  /**
   * A message with ICU tags (`<link>…</link>`): each tag's function wraps the tag's text, so
   * word order stays the translator's.
   */
  rich(key: MessageKey, values: RichValues): ReactNode;
  /** M4: exact money in the chosen language (domain `formatMoney`, never a float). */
  money(amount: MoneyLike): string;
  /** An instant in the user's time zone, with the zone's name. */
  dateTime(iso: string): string;
  date(iso: string): string;
  /** An invoice period "2026-11" as a month name. */
  period(key: string): string;
  number(n: number): string;
  /** "A, B or C" in the chosen language (e.g. the roles that would allow an action). */
  anyOf(items: readonly string[]): string;
  /** M2: a market's country name in the chosen language. */
  country(market: string): string;
  role(role: string): string;
  productKind(kind: string): string;
  /** A1: an activity log operation (`get_software_key`) by its label. */
  operation(operation: string): string;
  /** M3: "excl. tax" / "incl. tax". */
  tax(included: boolean): string;
}

export const I18nContext = createContext<I18n | null>(null);
