import { toLatinDigits } from '../../../shared/text/normalize';

/**
 * A count typed in any digits: `undefined` when empty, `NaN` when it is not a number. Fractions and
 * negatives go through as typed, so the core's schema refuses them in its own words.
 */
export function readCount(text: string): number | undefined {
  const plain = toLatinDigits(text).trim().replace('−', '-');
  if (plain === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : Number.NaN;
}
