/** 自动识别 panel: the proposals of a real inspection (the sample without names, two 全年预算数 on two sheets). */
import '../../../../test/support/textEncoding';
import { screen, waitFor } from '@testing-library/react';
import { inspect, type Inspection } from '../../../app/job';
import { defaultChoices } from '../../../app/locate';
import { XlsxWorkbook } from '../../../workbook/xlsx';
import { renderInPane, user } from '../../../../test/taskpane/fakes';
import { sampleWithoutNames, sheet, workbookOf } from '../../../../test/support/locatorLayouts';
import { AutoLocate } from './AutoLocate';

jest.setTimeout(60_000);

let sample: Inspection;
beforeAll(async () => {
  sample = await inspect(await XlsxWorkbook.open(await sampleWithoutNames()));
});

describe('AutoLocate', () => {
  it('lists every proposal with its label, cell and value in 万元: high ticked, low unticked', async () => {
    const onConfirm = jest.fn();
    renderInPane(<AutoLocate inspection={sample} port={null} busy={false} onConfirm={onConfirm} />);
    const budget = screen.getByRole('checkbox', {
      name: '全年预算数：“全年预算数（调整后）” 基础数据!B13 174.56 万元',
    });
    expect(budget).toBeChecked();
    const empty = screen.getByRole('checkbox', { name: '重点项目支出：“重点项目支出” 基础数据!B21 （空）' });
    expect(empty).not.toBeChecked();
    await user().click(screen.getByRole('button', { name: '确认并定义名称' }));
    expect(onConfirm).toHaveBeenCalledWith(defaultChoices(sample.located!));
  });

  it('lets the clerk untick a proposal and tick a low one', async () => {
    const onConfirm = jest.fn();
    renderInPane(<AutoLocate inspection={sample} port={null} busy={false} onConfirm={onConfirm} />);
    await user().click(screen.getByRole('checkbox', { name: /^年初预算数：/ }));
    await user().click(screen.getByRole('checkbox', { name: /^重点项目支出：/ }));
    await user().click(screen.getByRole('button', { name: '确认并定义名称' }));
    const inputs = (onConfirm.mock.calls[0][0] as { input: string }[]).map((c) => c.input);
    expect(inputs).not.toContain('年初预算数');
    expect(inputs).toContain('重点项目支出');
  });

  it('offers the candidates of an ambiguous input as a choice, and a typed address with its value for a missing one', async () => {
    const book = await XlsxWorkbook.open(
      await workbookOf([
        sheet('甲', { A1: '全年预算数', B1: 560, A2: '编制数', B2: 17, D6: 15 }),
        sheet('乙', { A1: '全年预算数', B1: 580 }),
      ]),
    );
    const inspection = await inspect(book);
    const onConfirm = jest.fn();
    renderInPane(<AutoLocate inspection={inspection} port={book} busy={false} onConfirm={onConfirm} />);
    await user().click(screen.getByRole('radio', { name: '“全年预算数” 乙!B1 580 万元' }));
    await user().type(screen.getByRole('textbox', { name: '在职人员数 单元格地址（如 基础数据!B6）' }), '甲!D6');
    await user().click(screen.getByRole('button', { name: '查看 在职人员数' }));
    await waitFor(() => expect(screen.getByRole('checkbox', { name: '甲!D6 15' })).toBeChecked());
    await user().click(screen.getByRole('button', { name: '确认并定义名称' }));
    expect(onConfirm.mock.calls[0][0]).toEqual([
      { input: '编制数', cell: '甲!B2', unit: '人' },
      { input: '在职人员数', cell: '甲!D6', unit: '' },
      { input: '全年预算数', cell: '乙!B1', unit: '万元' },
    ]);
  });
});
