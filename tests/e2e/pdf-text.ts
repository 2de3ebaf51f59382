/**
 * The text of a PDF, line by line, for checking what a printed page says. Chromium writes Persian
 * as shaped glyphs, one text item each; pdfjs maps them back to letters (sometimes Arabic
 * presentation forms, hence NFKC). Items are put back in reading order: lines top to bottom,
 * and within a line right to left, the way the page reads.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface Glyph {
  text: string;
  x: number;
  y: number;
}

export async function pdfText(pdf: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const glyphs: Glyph[] = [];
    for (const item of content.items) {
      if ('str' in item && item.str !== '') {
        glyphs.push({
          text: item.str,
          x: item.transform[4] as number,
          y: item.transform[5] as number,
        });
      }
    }
    const lines = new Map<number, Glyph[]>();
    for (const g of glyphs) {
      const key = Math.round(g.y / 3);
      lines.set(key, [...(lines.get(key) ?? []), g]);
    }
    const ordered = [...lines.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([, line]) =>
        line
          .sort((a, b) => b.x - a.x)
          .map((g) => g.text)
          .join(''),
      );
    pages.push(ordered.join('\n'));
  }
  await doc.destroy();
  return pages.join('\n\f\n').normalize('NFKC');
}
