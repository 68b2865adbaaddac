/**
 * 自动识别 panel: the proposals of a real inspection (the sample without names, two 全年预算数 on two sheets),
 * and 补充缺少的数据 through the whole pane in Excel (strict fake) and in the browser page (real job).
 */
import '../../../../test/support/textEncoding';
import { screen, waitFor } from '@testing-library/react';
import { inspect, type Inspection } from '../../../app/job';
import { defaultChoices } from '../../../app/locate';
import { XlsxWorkbook } from '../../../workbook/xlsx';
import { renderApp, renderInPane, user } from '../../../../test/taskpane/fakes';
import { FakeExcel } from '../../../../test/support/fakeExcel';
import { OfficeWorkbook } from '../../../workbook/office';
import { JOB_API } from '../../services/jobServices';
import type { BrowserServices, OfficeServices } from '../../services/services';
import { PaneRoot } from '../PaneRoot/PaneRoot';
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

describe('补充缺少的数据', () => {
  /** Two required inputs found nowhere (在职人员数, 全年执行数); 编制数 found by its label. */
  const NOWHERE = [
    sheet('基础数据', { A1: '单位名称', B1: '某某局', A2: '评价年度', B2: 2021, A3: '编制数', B3: 17 }),
    sheet('决算', { A1: '全年预算数', B1: 560 }),
  ];

  it('offers the inputs found nowhere, without one the clerk gave a cell, and says what was added', async () => {
    const book = await XlsxWorkbook.open(await workbookOf(NOWHERE));
    const inspection = await inspect(book);
    const onSupplement = jest.fn();
    const view = renderInPane(
      <AutoLocate inspection={inspection} port={book} busy={false} onConfirm={jest.fn()} onSupplement={onSupplement} />,
    );
    expect(screen.getByText(/工作簿中没有找到：在职人员数、全年执行数。/)).toBeInTheDocument();
    await user().type(screen.getByRole('textbox', { name: '在职人员数 单元格地址（如 基础数据!B6）' }), '基础数据!B3');
    await user().click(screen.getByRole('button', { name: '查看 在职人员数' }));
    await waitFor(() => expect(screen.getByText(/工作簿中没有找到：全年执行数。/)).toBeInTheDocument());
    await user().click(screen.getByRole('button', { name: '补充缺少的数据' }));
    expect(onSupplement).toHaveBeenCalledWith(['全年执行数']);

    view.rerender(
      <PaneRoot locale="zh-CN" dark={false}>
        <AutoLocate
          inspection={inspection}
          port={book}
          busy={false}
          onConfirm={jest.fn()}
          supplied={{ sheet: '补充数据', cells: { 全年执行数: '补充数据!C5' } }}
        />
      </PaneRoot>,
    );
    expect(
      screen.getByText(
        '已新建工作表“补充数据”，其中 1 个黄色单元格已定义名称。请在黄色单元格中填写数据，然后点击“计算指标”。',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '补充缺少的数据' })).not.toBeInTheDocument();
  });

  it('in Excel (strict fake): the button adds the table in one sync, the pane reads again and asks to fill the yellow cells', async () => {
    // The same two sheets as plain fixture data (ExcelJS does not load under jsdom).
    const fake = new FakeExcel({
      sheets: [
        { name: '基础数据', cells: { A1: '单位名称', B1: '某某局', A2: '评价年度', B2: 2021, A3: '编制数', B3: 17 } },
        { name: '决算', cells: { A1: '全年预算数', B1: 560 } },
      ],
      names: [],
    });
    const port = new OfficeWorkbook({ run: fake.runner(), isSetSupported: fake.isSetSupported });
    const services: OfficeServices = {
      mode: 'office',
      port,
      job: JOB_API,
      presets: ['通用'],
      selectCell: jest.fn(async () => undefined),
    };
    renderApp(services);
    const button = await screen.findByRole('button', { name: '补充缺少的数据' });
    // Syncs spent by each write of the port.
    const writeSyncs: number[] = [];
    const write = port.write.bind(port);
    jest.spyOn(port, 'write').mockImplementation(async (plan) => {
      const before = fake.syncCount;
      await write(plan);
      writeSyncs.push(fake.syncCount - before);
    });
    await user().click(button);
    expect(
      await screen.findByText(
        '已新建工作表“补充数据”，其中 2 个黄色单元格已定义名称。请在黄色单元格中填写数据，然后点击“计算指标”。',
      ),
    ).toBeInTheDocument();
    expect(writeSyncs).toEqual([1]);
    expect(fake.workbook.sheetNamed('补充数据')?.peek(4, 1)?.value).toBe('在职人员数（必填）');
    // The pane read the workbook again: the new cells are named and empty, and nothing is offered twice.
    await waitFor(() => expect(screen.queryByRole('button', { name: '补充缺少的数据' })).not.toBeInTheDocument());
    expect(await screen.findAllByText(/补充数据!C5 是空的/)).not.toHaveLength(0);
  });

  it('in the browser page: the table is added to the opened file, which the clerk downloads to fill', async () => {
    const saveFile = jest.fn();
    const services: BrowserServices = {
      mode: 'browser',
      job: JOB_API,
      presets: ['通用'],
      openWorkbook: (bytes) => XlsxWorkbook.open(bytes),
      makeTemplate: jest.fn(),
      saveFile,
    };
    renderApp(services);
    const bytes = await workbookOf(NOWHERE);
    await user().upload(
      screen.getByLabelText('打开工作簿'),
      new File([bytes as Uint8Array<ArrayBuffer>], '部门数据.xlsx'),
    );
    await user().click(await screen.findByRole('button', { name: '补充缺少的数据' }));
    expect(
      await screen.findByText(/已新建工作表“补充数据”，其中 2 个黄色单元格已定义名称。请点击“下载结果”/),
    ).toBeInTheDocument();
    await user().click(screen.getByRole('button', { name: '下载结果' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
    expect(saveFile.mock.calls[0][0]).toBe('部门数据-自评结果.xlsx');
    const downloaded = await XlsxWorkbook.open(new Uint8Array(saveFile.mock.calls[0][1] as Uint8Array));
    const names = await downloaded.readNames(['在职人员数', '全年执行数']);
    expect(names.values['全年执行数']).toMatchObject({ kind: 'cell', cell: '补充数据!C7', value: null });
  });
});
