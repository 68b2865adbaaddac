/** `jixiao template` and the pane's 下载模板: an empty input workbook with every input named. */
import { templateLayout } from '../sheets/templateSheet';
import { XlsxWorkbook } from '../workbook/xlsx';

export async function makeTemplate(): Promise<Uint8Array> {
  const book = await XlsxWorkbook.create({ creator: '绩效自评助手', created: new Date(Date.UTC(2024, 0, 1)) });
  await book.write({
    sheets: [{ layout: templateLayout() }],
    names: [],
    namedOutputs: [],
    activate: templateLayout().name,
  });
  return book.toBuffer();
}
