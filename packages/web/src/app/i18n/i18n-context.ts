import { createContext } from 'react';
import type { Language, MessageKey, MessageValues } from './messages';

export interface MoneyLike {
  readonly amountMinor: number;
  readonly currency: string;
}

export interface I18n {
  readonly language: Language;
  /** BCP 47 locale for Intl ("en-US", "ko-KR"). */
  readonly locale: string;
  setLanguage(language: Language): void;
  t(key: MessageKey, values?: MessageValues): string;
  /** M4: exact money in the chosen language (domain `formatMoney`, never a float). */
  money(amount: MoneyLike): string;
  /** An instant in the user's time zone, with the zone's name. */
  dateTime(iso: string): string;
  date(iso: string): string;
  /** An invoice period "2026-11" as a month name. */
  period(key: string): string;
  number(n: number): string;
  /** M2: a market's country name in the chosen language. */
  country(market: string): string;
  role(role: string): string;
  productKind(kind: string): string;
  /** M3: "excl. tax" / "incl. tax". */
  tax(included: boolean): string;
}

export const I18nContext = createContext<I18n | null>(null);
