import { multiply, sum, type CurrencyCode, type Money } from '../money/money.js';

/** B3: the kinds of software a partner can sell. */
export const PRODUCT_KINDS = [
  'AZURE_RESERVATION',
  'SERVER_SUBSCRIPTION',
  'PERPETUAL_SOFTWARE',
  'WINDOWS_7_ESU',
  'LINUX_SOFTWARE_PLAN',
] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

/**
 * B3: what one unit of a SKU is, as data the UI words in its language: a pack of cores, a
 * device, a reserved VM instance, a range of vCPUs. The SKU's `unitSize` says how many or which
 * ("16", "D2s v5", "1–2").
 */
export const SKU_UNITS = ['CORE_PACK', 'DEVICE', 'VM_INSTANCE', 'VCPU'] as const;
export type SkuUnit = (typeof SKU_UNITS)[number];

export function isSkuUnit(value: unknown): value is SkuUnit {
  return typeof value === 'string' && (SKU_UNITS as readonly string[]).includes(value);
}

/** A SKU's term in whole years; `null` for software with no term (perpetual, ESU 2020). */
export type TermYears = 1 | 3 | null;

/** Kinds that are sold with a 1- or 3-year term (B3). */
export function kindHasTerm(kind: ProductKind): boolean {
  return (
    kind === 'AZURE_RESERVATION' || kind === 'SERVER_SUBSCRIPTION' || kind === 'LINUX_SOFTWARE_PLAN'
  );
}

export function isValidTerm(kind: ProductKind, term: TermYears): boolean {
  return kindHasTerm(kind) ? term === 1 || term === 3 : term === null;
}

/** B3: what a SKU can be downloaded as. */
export interface DownloadOptions {
  readonly versions: readonly string[];
  readonly languages: readonly string[];
  readonly fileTypes: readonly string[];
}

export interface DownloadChoice {
  readonly version: string;
  readonly language: string;
  readonly fileType: string;
}

export function isOfferedChoice(options: DownloadOptions, choice: DownloadChoice): boolean {
  return (
    options.versions.includes(choice.version) &&
    options.languages.includes(choice.language) &&
    options.fileTypes.includes(choice.fileType)
  );
}

export function hasDownloads(options: DownloadOptions): boolean {
  return (
    options.versions.length > 0 && options.languages.length > 0 && options.fileTypes.length > 0
  );
}

/** B4: a line of an order. The amount is always unit price × quantity. */
export interface OrderLineInput {
  readonly unitPrice: Money;
  readonly quantity: number;
}

export const MAX_QUANTITY = 10_000;

export function isValidQuantity(quantity: number): boolean {
  return Number.isSafeInteger(quantity) && quantity >= 1 && quantity <= MAX_QUANTITY;
}

export function lineAmount(line: OrderLineInput): Money {
  if (!isValidQuantity(line.quantity)) throw new RangeError(`Invalid quantity ${line.quantity}`);
  return multiply(line.unitPrice, line.quantity);
}

export function orderTotal(lines: readonly OrderLineInput[], currency: CurrencyCode): Money {
  return sum(lines.map(lineAmount), currency);
}
