/**
 * 写入您命名的单元格: the clerk's bare-named output cells of a real inspection (the sample with a 上报表 whose
 * cells are named 自评得分, 评价等级, 在职人员控制率 and a formula named 合计得分), and the pane confirming one of
 * them through the real job — in Excel (the Office adapter on the strict fake) and in the browser page (the xlsx
 * adapter); the confirmation is kept in the workbook for the next run.
 */
import '../../../../test/support/exceljsInJsdom';
import * as React from 'react';
import { screen, waitFor } from '@testing-library/react';
import { inspect, type Inspection } from '../../../app/job';
import { OfficeWorkbook } from '../../../workbook/office';
import { XlsxWorkbook } from '../../../workbook/xlsx';
import { JOB_API } from '../../services/jobServices';
import { FakeExcel } from '../../../../test/support/fakeExcel';
import { clerkForm } from '../../../../test/support/clerkForm';
import type { WorkbookFixture } from '../../../../test/support/fixture';
import { buildXlsx, dumpFixture } from '../../../../test/support/xlsxFixture';
import { browserServices, officeServices, renderApp, renderInPane, user } from '../../../../test/taskpane/fakes';
import { contentPreview, NamedOutputs } from './NamedOutputs';
import { useNamedOutputs, type UseNamedOutputs } from './useNamedOutputs';

jest.setTimeout(60_000);

let form: Inspection;
beforeAll(async () => {
  form = await inspect(await XlsxWorkbook.open(await buildXlsx(await clerkForm())));
});

function Harness({ inspection, onState }: { inspection: Inspection; onState(o: UseNamedOutputs): void }) {
  const outputs = useNamedOutputs(inspection);
  onState(outputs);
  return <NamedOutputs outputs={outputs} busy={false} />;
}

function fakeOffice(fixture: WorkbookFixture) {
  const fake = new FakeExcel(fixture);
  return { fake, port: new OfficeWorkbook({ run: fake.runner(), isSetSupported: fake.isSetSupported }) };
}

describe('NamedOutputs', () => {
  it('lists each named cell unticked with its cell and current content; a formula cannot be ticked', async () => {
    let state!: UseNamedOutputs;
    renderInPane(<Harness inspection={form} onState={(o) => (state = o)} />);
    const score = screen.getByRole('checkbox', { name: '自评得分 上报表!B1 当前内容：（空）' });
    const grade = screen.getByRole('checkbox', { name: '评价等级 上报表!B2 当前内容：待定' });
    const rate = screen.getByRole('checkbox', { name: '在职人员控制率 上报表!B3 当前内容：0.5' });
    const formula = screen.getByRole('checkbox', { name: '合计得分 上报表!B4 公式，当前结果：0' });
    for (const box of [score, grade, rate, formula]) expect(box).not.toBeChecked();
    expect(formula).toBeDisabled();
    expect(screen.getByText('含公式，不会覆盖。如需写入结果，请删除公式或换一个单元格。')).toBeInTheDocument();
    expect(state.confirmedOutputs()).toEqual([]);

    await user().click(grade);
    await waitFor(() => expect(grade).toBeChecked());
    expect(state.confirmedOutputs()).toEqual(['评价等级']);
    await user().click(grade);
    await waitFor(() => expect(grade).not.toBeChecked());
    expect(state.confirmedOutputs()).toEqual([]);
  });

  it('shows nothing for a workbook without such cells, and passes no choice then', () => {
    let state!: UseNamedOutputs;
    renderInPane(<Harness inspection={{ ...form, outputCandidates: [] }} onState={(o) => (state = o)} />);
    expect(screen.queryByTestId('named-outputs')).not.toBeInTheDocument();
    expect(state.confirmedOutputs()).toBeUndefined();
  });

  it('speaks English with the en-US strings', () => {
    renderInPane(<Harness inspection={form} onState={() => undefined} />, 'en-US');
    expect(screen.getByRole('button', { name: 'Write into your named cells' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: '合计得分 上报表!B4 formula, current result: 0' })).toBeDisabled();
  });

  it('previews long texts, booleans and errors', () => {
    expect(contentPreview('一二三四五六七八九十一二三四五六七八九十一二')).toBe(
      '一二三四五六七八九十一二三四五六七八九十…',
    );
    expect(contentPreview(true)).toBe('TRUE');
    expect(contentPreview({ error: '#REF!' })).toBe('#REF!');
    expect(contentPreview('')).toBeNull();
  });
});

describe('confirming a named cell through the pane and the real job', () => {
  it('in Excel: the ticked cell is written, listed in the notice, and ticked again when the pane reopens', async () => {
    const { fake, port } = fakeOffice(await clerkForm());
    const u = user();
    const view = renderApp(officeServices(JOB_API as never, { port }));
    const score = await screen.findByRole('checkbox', { name: '自评得分 上报表!B1 当前内容：（空）' });
    await u.click(score);
    await u.click(screen.getByRole('button', { name: '计算指标' }));
    expect(await screen.findByText('已写入您命名的单元格：自评得分（上报表!B1）。')).toBeInTheDocument();
    const sheet = fake.dump().sheets.find((s) => s.name === '上报表')!;
    expect(sheet.cells.B1).toMatchObject({ value: 47.47 });
    expect(sheet.cells.B2).toMatchObject({ value: '待定' });
    expect(await screen.findByRole('checkbox', { name: /^自评得分 上报表!B1/ })).toBeChecked();
    view.unmount();

    // The pane opened again on the same workbook: the recorded confirmation is ticked.
    renderApp(officeServices(JOB_API as never, { port }));
    expect(await screen.findByRole('checkbox', { name: '自评得分 上报表!B1 当前内容：47.47' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: '评价等级 上报表!B2 当前内容：待定' })).not.toBeChecked();
  });

  it('in the browser page: the downloaded workbook has the result in the ticked cell and remembers the choice', async () => {
    const book = await XlsxWorkbook.open(await buildXlsx(await clerkForm()));
    const services = browserServices(JOB_API as never, { openWorkbook: jest.fn(async () => book) });
    const u = user();
    renderApp(services);
    await u.upload(screen.getByLabelText('打开工作簿'), new File([new Uint8Array([80, 75, 3, 4])], '部门.xlsx'));
    await u.click(await screen.findByRole('checkbox', { name: '评价等级 上报表!B2 当前内容：待定' }));
    await u.click(screen.getByRole('button', { name: '计算指标' }));
    expect(await screen.findByText('已写入您命名的单元格：评价等级（上报表!B2）。')).toBeInTheDocument();
    await u.click(screen.getByRole('button', { name: '下载结果' }));
    await waitFor(() => expect(services.saveFile).toHaveBeenCalledTimes(1));
    const bytes = (services.saveFile as jest.Mock).mock.calls[0][1] as Uint8Array;
    const saved = await dumpFixture(bytes);
    expect(saved.sheets.find((s) => s.name === '上报表')!.cells.B2).toMatchObject({ value: '差' });
    const again = await inspect(await XlsxWorkbook.open(bytes));
    expect(again.outputCandidates.filter((c) => c.confirmed).map((c) => c.name)).toEqual(['评价等级']);
  });
});
