/** Whitespace that locales use as a group separator (space, no-break space, narrow no-break space). */
const SPACES = /[ \u00a0\u202f]/g;

/** The group and decimal separators of a locale, from `Intl.NumberFormat` itself. */
function separators(locale: string): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  return {
    group: (parts.find((p) => p.type === 'group')?.value ?? ',').replace(SPACES, ' '),
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

/**
 * E4: an amount typed in the user's locale, in the API's format ("." before the decimals, no
 * group separators): "1,250.50" (en) → "1250.50", "1.250,50" (de) → "1250.50", "12,50" (de) →
 * "12.50". Group separators are removed only where they group thousands; anything that cannot be
 * read one way only ("12,50" in English) is passed on as typed, so the field's check refuses it
 * with its message instead of the form guessing.
 */
export function amountFromLocale(text: string, locale: string): string {
  const { group, decimal } = separators(locale);
  const typed = text.trim().replace(SPACES, ' ');
  const pieces = typed.split(decimal);
  if (pieces.length > 2) return text.trim();
  const [whole = '', fraction] = pieces;
  let digits = whole;
  if (whole.includes(group)) {
    const grouped = new RegExp(`^-?\\d{1,3}(?:${escape(group)}\\d{3})+$`);
    if (!grouped.test(whole)) return text.trim();
    digits = whole.split(group).join('');
  }
  return fraction === undefined ? digits : `${digits}.${fraction}`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
