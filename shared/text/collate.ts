/**
 * A sort key that orders Persian text alphabetically by plain string comparison, so lists can be
 * sorted by an index (code-point order puts پ چ ژ گ after ی otherwise).
 * آ sorts as ا (searchKey folds them), as most Persian name lists do.
 */
import { searchKey } from './normalize';

const ALPHABET = 'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی';
const BASE = 0x0100; // above ASCII, so digits and Latin sort first, as in Persian dictionaries

const ORDER = new Map<string, string>();
[...ALPHABET].forEach((letter, i) => ORDER.set(letter, String.fromCharCode(BASE + i * 2)));
ORDER.set('ء', String.fromCharCode(BASE + 1)); // hamza just after alef

export function collationKey(text: string): string {
  let out = '';
  for (const ch of searchKey(text)) out += ORDER.get(ch) ?? ch;
  return out;
}
