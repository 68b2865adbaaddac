/**
 * LibreOffice headless as a real spreadsheet engine: converts an .xlsx to .xlsx with every formula
 * recalculated on load (a private profile sets OOXMLRecalcMode = always, so cached results written by
 * ExcelJS or by us are never trusted).
 */
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const PROFILE_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

let profile: string | undefined;

function profileDir(): string {
  if (!profile) {
    profile = mkdtempSync(join(tmpdir(), 'jixiao-lo-profile-'));
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), PROFILE_XCU);
  }
  return profile;
}

/** Runs LibreOffice on `data` and returns the recalculated workbook (or a PDF with `to = 'pdf'`). */
export function recalculate(data: Uint8Array, to: 'xlsx' | 'pdf' = 'xlsx'): Buffer {
  return convert(data, 'xlsx', to);
}

/** Converts a document with LibreOffice headless (private profile), e.g. a .docx to PDF. */
export function convert(data: Uint8Array, from: 'xlsx' | 'docx' | 'fods', to: 'xlsx' | 'pdf'): Buffer {
  return convertAll([data], from, to)[0];
}

/** recalculate for several workbooks in one LibreOffice start (it takes seconds to start). */
export function recalculateAll(books: Uint8Array[], to: 'xlsx' | 'pdf' = 'xlsx'): Buffer[] {
  return convertAll(books, 'xlsx', to);
}

function convertAll(documents: Uint8Array[], from: 'xlsx' | 'docx' | 'fods', to: 'xlsx' | 'pdf'): Buffer[] {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-lo-'));
  const inputs = documents.map((data, i) => {
    const input = join(dir, `book${i === 0 ? '' : i}.${from}`);
    writeFileSync(input, data);
    return input;
  });
  const outDir = join(dir, 'out');
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${profileDir()}`,
      '--headless',
      '--norestore',
      '--convert-to',
      to,
      '--outdir',
      outDir,
      ...inputs,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  return documents.map((_, i) => readFileSync(join(outDir, `book${i === 0 ? '' : i}.${to}`)));
}
