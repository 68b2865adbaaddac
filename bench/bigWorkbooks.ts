/**
 * Large workbooks for the memory test and `npm run bench`, built on demand (never committed): the
 * sample department plus unrelated data the clerk keeps in the same file — one sheet of about 200 MB
 * (uncompressed XML), or 50 sheets × 20,000 rows × 4 columns — and a defined name covering a whole
 * sheet. The sheet XML is produced row by row as a stream, so building one needs little memory.
 */
import { createWriteStream, readFileSync } from 'fs';
import JSZip from 'jszip';
import { Readable } from 'stream';

const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const WORKSHEET_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

export interface DataSheet {
  name: string;
  rows: number;
  columns: number;
}

function letters(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The sheet's XML, generated lazily in chunks of rows. */
function sheetStream(sheet: DataSheet): Readable {
  let row = 0;
  const cols = Array.from({ length: sheet.columns }, (_, i) => letters(i + 1));
  return new Readable({
    read() {
      if (row === 0) {
        this.push(
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
        );
      }
      if (row >= sheet.rows) {
        this.push('</sheetData></worksheet>');
        this.push(null);
        return;
      }
      const parts: string[] = [];
      for (let n = 0; n < 500 && row < sheet.rows; n++) {
        row++;
        let cells = `<c r="A${row}" t="inlineStr"><is><t>明细${row}</t></is></c>`;
        for (let c = 1; c < cols.length; c++)
          cells += `<c r="${cols[c]}${row}"><v>${(row * 7 + c * 13) % 100000}.${c}5</v></c>`;
        parts.push(`<row r="${row}">${cells}</row>`);
      }
      this.push(parts.join(''));
    },
  });
}

/** Rows × columns giving about `megabytes` of sheet XML (10 columns a row). */
export function sheetOfSize(name: string, megabytes: number): DataSheet {
  const bytesPerRow = 387; // measured: 10 columns, row numbers up to six digits
  return { name, rows: Math.min(1_048_576, Math.round((megabytes * 1024 * 1024) / bytesPerRow)), columns: 10 };
}

/** Write the sample with the given data sheets added after 基础数据 (and a whole-sheet name on the first). */
export async function writeBigWorkbook(sample: string, sheets: DataSheet[], out: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(sample));
  let rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  let wb = await zip.file('xl/workbook.xml')!.async('string');
  let types = await zip.file('[Content_Types].xml')!.async('string');
  const entries: string[] = [];
  sheets.forEach((sheet, i) => {
    const part = `xl/worksheets/data${i + 1}.xml`;
    zip.file(part, sheetStream(sheet) as unknown as NodeJS.ReadableStream);
    rels = rels.replace(
      '</Relationships>',
      `<Relationship Id="rIdData${i + 1}" Type="${WORKSHEET_REL}" Target="worksheets/data${i + 1}.xml"/></Relationships>`,
    );
    types = types.replace('</Types>', `<Override PartName="/${part}" ContentType="${WORKSHEET_TYPE}"/></Types>`);
    entries.push(`<sheet name="${sheet.name}" sheetId="${100 + i}" r:id="rIdData${i + 1}"/>`);
  });
  wb = wb.replace('</sheets>', `${entries.join('')}</sheets>`);
  if (sheets.length)
    wb = wb.replace(
      '<definedNames>',
      `<definedNames><definedName name="全部明细">${sheets[0].name}!$A$1:$XFD$1048576</definedName>`,
    );
  zip.file('xl/_rels/workbook.xml.rels', rels);
  zip.file('xl/workbook.xml', wb);
  zip.file('[Content_Types].xml', types);
  await new Promise<void>((resolve, reject) => {
    zip
      .generateNodeStream({
        type: 'nodebuffer',
        streamFiles: true,
        compression: 'DEFLATE',
        compressionOptions: { level: 1 },
      })
      .pipe(createWriteStream(out))
      .on('finish', () => resolve())
      .on('error', reject);
  });
}
