/**
 * Text normalisation for Persian input. People type the same name in different ways: Arabic
 * keyboards give ي/ك, some add ZWNJ (half-space) and some a space, digits come Persian, Arabic-Indic
 * or Latin. Stored text is tidied with {@link tidyPersian}; search keys use {@link searchKey}.
 */

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits → Latin 0-9. Other characters unchanged. */
export function toLatinDigits(text: string): string {
  return text.replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (d) => {
    const c = d.charCodeAt(0);
    return String(c >= PERSIAN_ZERO ? c - PERSIAN_ZERO : c - ARABIC_INDIC_ZERO);
  });
}

/** Latin digits → Persian digits, for text shown to people outside the UI font (SMS, PDFs, CSV). */
export function toPersianDigits(text: string | number): string {
  return String(text).replace(/[0-9]/g, (d) => String.fromCharCode(PERSIAN_ZERO + Number(d)));
}

/** An integer in Persian digits with thousands grouped by «٬» (`1250000` → «۱٬۲۵۰٬۰۰۰»). */
export function persianGrouped(n: number): string {
  return toPersianDigits(n.toLocaleString('en-US')).replace(/,/g, '\u066c');
}

const ARABIC_TO_PERSIAN: Record<string, string> = {
  '\u064a': '\u06cc', // ي → ی
  '\u0649': '\u06cc', // ى → ی
  '\u0643': '\u06a9', // ك → ک
  '\u0629': '\u0647', // ة → ه
};

/**
 * Tidies text for storage: Arabic letter forms → Persian, Arabic-Indic digits → Persian digits are
 * left to display (stored digits are Latin), repeated spaces collapsed, ends trimmed. ZWNJ is kept:
 * it is part of how a Persian name is written.
 */
export function tidyPersian(text: string): string {
  return text
    .replace(/[\u064a\u0649\u0643\u0629]/g, (ch) => ARABIC_TO_PERSIAN[ch] ?? ch)
    .replace(/\u0640/g, '') // tatweel
    .replace(/[ \t\u00a0]*\u200c[ \t\u00a0]*/g, '\u200c') // no spaces around a ZWNJ
    .replace(/\u200c{2,}/g, '\u200c')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The form used to compare text in search. Both what is stored and what is typed go through it:
 * Arabic ي/ك/ى/ة → Persian, hamza-carrying alefs → ا, ۀ → ه, diacritics, tatweel and ZWNJ removed,
 * all digits Latin, lower case, spaces collapsed.
 */
export function searchKey(text: string): string {
  return toLatinDigits(text)
    .normalize('NFC')
    .replace(/[\u064a\u0649]/g, '\u06cc')
    .replace(/\u0643/g, '\u06a9')
    .replace(/[\u0629\u06c0]/g, '\u0647')
    .replace(/[\u0623\u0625\u0622\u0671]/g, '\u0627')
    .replace(/\u0624/g, '\u0648')
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
