/** `jixiao template`: every input labelled and named; filled with the sample figures it evaluates like the sample. */
import { inspect } from '../../src/app/job';
import { makeTemplate } from '../../src/app/template';
import { toEvaluationJson } from '../../src/engine';
import { INPUTS } from '../../src/engine/catalogue';
import type { CellValue } from '../../src/engine/types';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { loadBook, plain, sampleBytes, saveBook, sheet } from '../support/filled';

jest.setTimeout(60_000);

test('the template defines every catalogue input on its 基础数据 sheet, empty', async () => {
  const template = await XlsxWorkbook.open(await makeTemplate());
  const { values, all } = await template.readNames(INPUTS.map((d) => d.name));
  for (const def of INPUTS) {
    const v = values[def.name];
    expect(v.kind).toBe('cell');
    if (v.kind === 'cell') {
      expect(v.cell.startsWith('基础数据!C')).toBe(true);
      expect(v.value).toBeNull();
    }
  }
  expect(all.filter((n) => n.name.startsWith('_jixiao_'))).toEqual([]);
  const state = await template.readState(['_jixiao_评分表']);
  expect(state.sheets.map((s) => s.name)).toEqual(['基础数据']);
});

test('filled with the sample figures by code, it evaluates to the same result as the sample workbook', async () => {
  const sample = await XlsxWorkbook.open(sampleBytes());
  const sampleValues = (await sample.readNames(INPUTS.map((d) => d.name))).values;

  const templateBytes = await makeTemplate();
  const targets = (await (await XlsxWorkbook.open(templateBytes)).readNames(INPUTS.map((d) => d.name))).values;
  const book = await loadBook(templateBytes);
  for (const def of INPUTS) {
    const from = sampleValues[def.name];
    const to = targets[def.name];
    if (from.kind !== 'cell' || to.kind !== 'cell' || from.value === null) continue;
    const [, address] = to.cell.split('!');
    sheet(book, '基础数据').getCell(address).value = from.value as Exclude<CellValue, { error: string }>;
  }
  const filled = await saveBook(book);
  expect(
    plain(
      sheet(await loadBook(filled), '基础数据').getCell(
        targets['编制数'].kind === 'cell' ? targets['编制数'].cell.split('!')[1] : 'A1',
      ),
    ),
  ).toBe(17);

  const strip = (json: ReturnType<typeof toEvaluationJson>) => {
    // Cells differ between the two layouts (B in the sample, C in the template); messages name them.
    const text = JSON.stringify(json).replace(/基础数据!\$?[A-Z]+\$?\d+/g, '基础数据!?');
    return JSON.parse(text);
  };
  const a = toEvaluationJson((await inspect(await XlsxWorkbook.open(filled))).evaluation);
  const b = toEvaluationJson((await inspect(await XlsxWorkbook.open(sampleBytes()))).evaluation);
  expect(strip(a)).toEqual(strip(b));
  expect((a as { total: string }).total).toBe('47.47');
});
