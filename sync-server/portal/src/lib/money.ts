/**
 * Prices are stored as integer Rials; the portal shows Toman (1 Toman = 10 Rials), as Iranian
 * patients read prices, with Persian digits and the Persian thousands separator «٬».
 */
const faInteger = new Intl.NumberFormat('fa-IR', { maximumFractionDigits: 0 });

/** `1250000` Rials → «۱۲۵٬۰۰۰ تومان»; a free service → «رایگان». */
export function tomanText(rial: number): string {
  if (rial === 0) return 'رایگان';
  return `${faInteger.format(Math.round(rial / 10))} تومان`;
}

/** `1250000` → «۱٬۲۵۰٬۰۰۰ ریال», for the receipt and the gateway's amount. */
export function rialText(rial: number): string {
  return `${faInteger.format(rial)} ریال`;
}
