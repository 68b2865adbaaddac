/**
 * The clerk's report edits of issue 10 on the filled sample: the （请补充：本单位经济效益情况。） filled,
 * the 结果应用 paragraph rewritten, a paragraph inserted after the 主要经验, a sentence added to the
 * 预算完成率 paragraph; then 全年执行数 174.56 → 170 (预算完成率 170 ÷ 174.56 = 97.39%).
 */
import type ExcelJS from 'exceljs';
import { fill, loadBook, plain, sampleBytes, saveBook, sheet } from './filled';

export const ECONOMIC = '全年协调金融机构新增贷款68.9亿元，支持实体经济发展，带动全市小微企业融资成本下降。';
export const USE = '本单位将自评结果报市财政局备案，并在门户网站公开，自评发现的问题已于2022年6月底前全部整改。';
export const INSERTED = '此外，本单位结合巡察整改，对2021年度全部支出凭证进行了复核。';
export const ADDED = '资金执行严格按照预算批复进行。';

function rowWith(ws: ExcelJS.Worksheet, prefix: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    const v = plain(row.getCell(1));
    if (!found && typeof v === 'string' && v.trim().startsWith(prefix)) found = row;
  });
  if (!found) throw new Error(`no row starting with ${prefix}`);
  return found;
}

/** The filled sample with the clerk's four edits and 全年执行数 changed to 170. */
export async function edited(): Promise<{ bytes: Uint8Array; completion: string; completionText: string }> {
  const book = await loadBook((await fill(sampleBytes())).bytes);
  const ws = sheet(book, '自评报告');
  rowWith(ws, '（请补充：本单位经济效益情况。）').getCell(1).value = ECONOMIC;
  rowWith(ws, '本单位将把本次绩效自评结果').getCell(1).value = USE;
  const completionRow = rowWith(ws, '（1）预算完成率。');
  const completionText = String(plain(completionRow.getCell(1))) + ADDED;
  completionRow.getCell(1).value = completionText;
  const experience = rowWith(ws, '一是成立绩效自评小组');
  ws.spliceRows(experience.number + 1, 0, [INSERTED]);
  sheet(book, '基础数据').getCell('B14').value = 170;
  return { bytes: await saveBook(book), completion: `A${completionRow.number}`, completionText };
}
