/** A text run on a test page: position of its baseline from the page's bottom left, in points. */
export interface PdfText {
  x: number;
  y: number;
  size: number;
  str: string;
}

/**
 * A minimal PDF of pages with Helvetica text (a standard font, so nothing is embedded; Latin-1
 * text only), for the bench and tests that need a PDF of known content; a page with no runs has
 * no text at all.
 */
export function makePdf(pages: readonly (readonly PdfText[])[], size = { width: 612, height: 792 }): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  const kids = pages.map((_, i) => `${4 + i * 2} 0 R`).join(' ');
  add(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  pages.forEach((texts, i) => {
    const stream = texts.map((t) => `BT /F1 ${t.size} Tf ${t.x} ${t.y} Td (${t.str.replace(/[()\\]/g, (c) => `\\${c}`)}) Tj ET`).join('\n');
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${size.width} ${size.height}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`);
    add(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** Two columns of body text under a headline across both, on one page (the import tests' page). */
export function twoColumnPage(): PdfText[] {
  const texts: PdfText[] = [{ x: 72, y: 720, size: 24, str: 'Big News Across Both Columns' }];
  for (let row = 0; row < 8; row++) {
    texts.push({ x: 72, y: 680 - row * 12, size: 10, str: `left column line ${row + 1}` });
    texts.push({ x: 320, y: 680 - row * 12, size: 10, str: `right column line ${row + 1}` });
  }
  return texts;
}

/** A broadsheet-like page: `columns` columns of `rows` lines of 9-point text under a 28-point headline. */
export function newspaperPage(columns: number, rows: number, next: () => number): PdfText[] {
  const width = 612 - 72;
  const gutter = 12;
  const colWidth = (width - gutter * (columns - 1)) / columns;
  const words = ['the', 'council', 'said', 'on', 'Monday', 'that', 'new', 'roads', 'and', 'schools', 'would', 'open', 'in', 'spring', 'after', 'a', 'vote', 'by', 'members', 'of', 'county'];
  const texts: PdfText[] = [{ x: 36, y: 750, size: 28, str: 'Council Votes For New Roads' }];
  for (let c = 0; c < columns; c++) {
    for (let r = 0; r < rows; r++) {
      let line = '';
      // Some 4.5 points a character at 9 points: fill the column, no wider.
      while (line.length < colWidth / 4.6 - 8) line += `${words[Math.floor(next() * words.length)]} `;
      texts.push({ x: 36 + c * (colWidth + gutter), y: 710 - r * 10.5, size: 9, str: line.trim() });
    }
  }
  return texts;
}
