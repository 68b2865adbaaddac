/** 复制报告's HTML: the same text, order, fonts, sizes, exact spacing and indents as the .docx. */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { exportReport } from '../../src/app/report';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { fill, sampleBytes } from '../support/filled';

jest.setTimeout(60_000);

test('the clipboard HTML of the sample carries every paragraph in order with its official style', async () => {
  const { bytes } = await fill(sampleBytes());
  const built = await exportReport(await XlsxWorkbook.open(bytes), 'html');
  if (!built.ok) throw new Error('blocked');
  const doc = new DOMParser().parseFromString(built.html!, 'text/xml');
  const ps = Array.from(doc.getElementsByTagName('p')) as unknown as Element[];
  const style = (p: Element) => p.getAttribute('style') ?? '';
  const text = (p: Element) => p.textContent ?? '';

  const title = ps[0];
  expect(text(title)).toBe('忻州市人民政府金融工作办公室2021年度部门整体支出绩效自评报告');
  expect(title.getElementsByTagName('br').length).toBe(1);
  expect(style(title)).toContain("mso-fareast-font-family:'方正小标宋简体'");
  expect(style(title)).toContain('font-size:22pt');
  expect(style(title)).toContain('text-align:center');

  const byText = (t: string) => ps.find((p) => text(p) === t)!;
  expect(style(byText('一、部门基本情况'))).toContain("mso-fareast-font-family:'黑体'");
  expect(style(byText('（一）部门概况'))).toContain("mso-fareast-font-family:'楷体_GB2312'");
  expect(style(byText('1.目标设定指标分析'))).toMatch(/'仿宋_GB2312'.*font-weight:bold/);
  for (const p of ps.slice(
    1,
    ps.findIndex((q) => text(q).startsWith('附件：')),
  )) {
    if (!text(p).trim()) continue;
    expect(style(p)).toContain('line-height:28.95pt;mso-line-height-rule:exactly');
    expect(style(p)).toContain('text-indent:32pt');
    expect(style(p)).toContain('font-size:16pt');
    expect(style(p)).toContain("'Times New Roman'");
    expect(text(p)).not.toMatch(/^\u3000/);
  }
  const closing = ps.filter((p) => style(p).includes('text-align:right')).map(text);
  expect(closing).toEqual(['忻州市人民政府金融工作办公室', expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日$/)]);

  const rows = Array.from(doc.getElementsByTagName('tr')) as unknown as Element[];
  const cells = (r: Element) => (Array.from(r.getElementsByTagName('td')) as unknown as Element[]).map(text);
  expect(cells(rows[0])).toEqual(['一级指标', '二级指标', '三级指标', '分值', '指标值', '得分', '扣分原因']);
  expect(
    rows
      .map(cells)
      .find((c) => c[0] === '合计')
      ?.slice(0, 4),
  ).toEqual(['合计', '100', '', '47.47']);
  expect(built.text!.split('\n')).toContain('\u3000\u3000一、部门基本情况');
});
