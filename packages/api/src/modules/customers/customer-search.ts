/**
 * B1 at index speed (issue 13, decision 018): a customer's name and domain are found by any
 * part of them through `customer_search_terms`, one row per suffix of the normalized text (up to
 * SEARCH_TERM_LENGTH characters of it). "Contains `s`" is then "some suffix starts with `s`": a
 * range read on the primary key (partner_id, term, customer_id), the same on MariaDB and SQLite,
 * for any script — Korean and Japanese names have no spaces to split words at, and need none.
 *
 * Pure functions: the API, the migration's backfill, the bench seed and the bench's hand-written
 * baseline all index and search with these.
 */

/** Characters of each suffix kept; a longer search is matched on its first ones, then checked. */
export const SEARCH_TERM_LENGTH = 32;

/** The highest code point: every term that starts with `s` sorts before `s` + this (binary order). */
const TOP = '\u{10FFFF}';

/** What search compares: NFKC (full-width Latin, half-width kana as typed elsewhere), lower case. */
function normalizeSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replaceAll(TOP, '');
}

/** Every suffix of the normalized name and domain, each cut to SEARCH_TERM_LENGTH characters. */
export function searchTermsOf(name: string, domain: string): string[] {
  const terms = new Set<string>();
  for (const text of [name, domain]) {
    const chars = [...normalizeSearchText(text)];
    for (let i = 0; i < chars.length; i++) {
      terms.add(chars.slice(i, i + SEARCH_TERM_LENGTH).join(''));
    }
  }
  return [...terms];
}

/**
 * The key range of terms that start with the search, and whether the search is longer than a
 * stored term (then a candidate must also contain it whole: `needsCheck`).
 */
export function searchRange(search: string): { from: string; to: string; needsCheck: boolean } {
  const chars = [...normalizeSearchText(search)];
  const from = chars.slice(0, SEARCH_TERM_LENGTH).join('');
  return { from, to: from + TOP, needsCheck: chars.length > SEARCH_TERM_LENGTH };
}
