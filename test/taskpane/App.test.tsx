/** The pane's states, driven through a fake job and fake host services, queried in Chinese. */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { WorkbookError } from '../../src/workbook/port';
import {
  browserServices,
  D,
  deferred,
  evaluation,
  fakeJob,
  finding,
  inspection,
  jobResult,
  readings,
  renderApp,
  officeServices,
  SAMPLE_READINGS,
  user,
} from './fakes';
import type { Inspection, JobResult } from '../../src/app/job';

describe('task pane in Excel', () => {
  it('shows the job progress while the workbook is being read, and no inputs yet', async () => {
    const job = fakeJob();
    const pending = deferred<Inspection>();
    job.inspect.mockImplementation((_port, options) => {
      options?.onProgress?.('read-names');
      return pending.promise;
    });
    renderApp(officeServices(job));

    const status = await screen.findByRole('status');
    expect(within(status).getByText('读取名称')).toBeInTheDocument();
    expect(within(status).getByRole('progressbar', { name: '进度' })).toHaveAttribute('aria-valuenow', String(2 / 3));
    expect(screen.queryByRole('region', { name: '输入数据' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '计算指标' })).toBeDisabled();

    await act(async () => pending.resolve(inspection()));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: '输入数据' })).toBeInTheDocument();
  });

  it('lists missing inputs by group, opening the group that needs attention', async () => {
    const withoutStaff = readings({
      单位名称: { value: '忻州市某局', cell: '基础数据!B1' },
      在职人员数: { value: SAMPLE_READINGS['在职人员数'].value, cell: '基础数据!B4' },
    });
    renderApp(officeServices(fakeJob(inspection({ evaluation: evaluation({ inputs: withoutStaff }) }))));

    const staffing = await screen.findByRole('table', { name: '人员编制' });
    const missingRow = within(staffing).getByRole('row', { name: /^编制数 （必填）/ });
    expect(within(missingRow).getByText('缺失')).toBeInTheDocument();
    const foundRow = within(staffing).getByRole('row', { name: /^在职人员数 / });
    expect(within(foundRow).getByText('已找到')).toBeInTheDocument();
    expect(within(foundRow).getByText('15 人')).toBeInTheDocument();
    expect(within(foundRow).getByRole('button', { name: '基础数据!B4' })).toBeInTheDocument();
    // 文字说明 has no required input: it stays closed.
    expect(screen.queryByRole('table', { name: '文字说明' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: /文字说明/ })).toHaveAttribute('aria-expanded', 'false');
  });

  it('selects a source cell in Excel when the clerk clicks it', async () => {
    const u = user();
    const services = officeServices(fakeJob());
    renderApp(services);
    await u.click(await screen.findByRole('button', { name: /基本信息/ }));
    await u.click(screen.getByRole('button', { name: '基础数据!B1' }));
    expect(services.selectCell).toHaveBeenCalledWith('基础数据!B1');
  });

  it('says so when Excel can no longer select the cell', async () => {
    const u = user();
    const services = officeServices(fakeJob(), {
      selectCell: jest.fn(async () => Promise.reject(new Error('ItemNotFound'))),
    });
    renderApp(services);
    await u.click(await screen.findByRole('button', { name: /基本信息/ }));
    await u.click(screen.getByRole('button', { name: '基础数据!B1' }));
    expect(await screen.findByText('无法选中 基础数据!B1：该工作表或单元格可能已被删除或改名。')).toBeInTheDocument();
  });

  it('lists blocking errors with their cells and next step, and shows no result when nothing was written', async () => {
    const u = user();
    const blockedInputs = {
      ...SAMPLE_READINGS,
      编制数: { input: '编制数', status: 'missing' as const },
      三公经费支出数: { input: '三公经费支出数', status: 'found' as const, value: D(30), cell: '基础数据!B20' },
    };
    const errors = [
      finding('error', 'missing-input', '缺少必填输入"编制数"。', [], ['编制数']),
      finding(
        'error',
        'part-exceeds-total',
        '三公经费支出数（30）大于全年执行数（20）。',
        ['基础数据!B20', '基础数据!B7'],
        ['三公经费支出数', '全年执行数'],
      ),
    ];
    const blocked = evaluation({ inputs: blockedInputs, findings: errors });
    const job = fakeJob(inspection({ evaluation: blocked }));
    job.runJob.mockResolvedValue(jobResult({ evaluation: blocked, written: false, sheets: {} }));
    const services = officeServices(job);
    renderApp(services);

    const list = await screen.findByRole('list', { name: '以下问题阻止了写入，工作簿未作任何改动' });
    const [missing, exceeds] = within(list).getAllByRole('listitem');
    expect(missing).toHaveTextContent('缺少必填输入"编制数"。');
    expect(missing).toHaveTextContent(
      '请在"公式 → 名称管理器"中定义名称"编制数"，或在下方"名称映射"中选择工作簿中已有的名称。',
    );
    expect(exceeds).toHaveTextContent('请修改上述单元格后再次点击"计算指标"。');
    await u.click(within(exceeds).getByRole('button', { name: '基础数据!B20' }));
    expect(services.selectCell).toHaveBeenCalledWith('基础数据!B20');

    await u.click(screen.getByRole('button', { name: '计算指标' }));
    await waitFor(() => expect(job.runJob).toHaveBeenCalledTimes(1));
    expect(screen.getByRole('list', { name: '以下问题阻止了写入，工作簿未作任何改动' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: '评价结果' })).not.toBeInTheDocument();
  });

  it('runs the job with the default preset and shows total, grade, provisional items, scores and grouped findings', async () => {
    const u = user();
    const findings = [
      finding('warning', 'budget-underexecution', '预算完成率为96.50%，未达到100%。', ['基础数据!B6', '基础数据!B7']),
      finding('warning', 'manual-scores-missing', '人工评分项尚未评分：绩效目标合理性。'),
      finding('info', 'missing-text', '缺少报告文字"单位概况"。'),
    ];
    const job = fakeJob();
    job.runJob.mockResolvedValue(jobResult({ evaluation: evaluation({ findings }) }));
    const services = officeServices(job);
    renderApp(services);

    await u.click(await screen.findByRole('button', { name: '计算指标' }));
    const result = await screen.findByRole('region', { name: '评价结果' });
    expect(job.runJob.mock.calls[0][1]).toMatchObject({ scheme: '通用', onNameConflict: 'ask' });

    expect(within(result).getByLabelText('自评得分')).toHaveTextContent('86.50');
    expect(within(result).getByLabelText('评价等级')).toHaveTextContent('良');
    expect(within(result).getByText('暂定')).toBeInTheDocument();
    expect(within(result).getByText(/以下人工评分项尚未评分，暂按 0 分计：绩效目标合理性。/)).toBeInTheDocument();
    expect(within(result).getByText('已写入工作表：指标计算、评分表、自评报告')).toBeInTheDocument();

    const table = within(result).getByRole('table', { name: '指标得分' });
    const staff = within(table).getByRole('row', { name: /在职人员控制率/ });
    expect(
      within(staff)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['在职人员控制率', '88.24%', '正常', '4.00/4']);
    const sangong = within(table).getByRole('row', { name: /三公经费变动率/ });
    expect(
      within(sangong)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['三公经费变动率', '—', '不适用', '不计分']);
    const manual = within(table).getByRole('row', { name: /绩效目标合理性/ });
    expect(
      within(manual)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['绩效目标合理性', '—', '人工评分', '未评分/4']);

    const checks = within(result).getByRole('region', { name: '检查结果' });
    expect(within(checks).getByRole('button', { name: '警告（2）' })).toHaveAttribute('aria-expanded', 'true');
    expect(within(checks).getByRole('button', { name: '提示（1）' })).toHaveAttribute('aria-expanded', 'false');
    expect(within(checks).queryByRole('button', { name: /错误/ })).not.toBeInTheDocument();
    const warnings = within(checks).getByRole('list', { name: '警告' });
    expect(within(warnings).getAllByRole('listitem')).toHaveLength(2);
    await u.click(within(warnings).getByRole('button', { name: '基础数据!B7' }));
    expect(services.selectCell).toHaveBeenCalledWith('基础数据!B7');

    await u.click(within(checks).getByRole('button', { name: '提示（1）' }));
    expect(
      within(within(checks).getByRole('list', { name: '提示' })).getByText('缺少报告文字"单位概况"。'),
    ).toBeInTheDocument();
  });

  it('shows each step of a run', async () => {
    const u = user();
    const job = fakeJob();
    const pending = deferred<JobResult>();
    let progress: ((step: 'write') => void) | undefined;
    job.runJob.mockImplementation((_port, options) => {
      progress = options?.onProgress;
      return pending.promise;
    });
    renderApp(officeServices(job));
    await u.click(await screen.findByRole('button', { name: '计算指标' }));
    act(() => progress?.('write'));
    expect(within(screen.getByRole('status')).getByText('写入工作簿')).toBeInTheDocument();
    // write is step 5 of 6
    expect(within(screen.getByRole('status')).getByRole('progressbar', { name: '进度' })).toHaveAttribute(
      'aria-valuenow',
      String(5 / 6),
    );
    await act(async () => pending.resolve(jobResult()));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('maps a missing input to a workbook name and saves the mapping', async () => {
    const u = user();
    const missingStaff = { ...SAMPLE_READINGS, 编制数: { input: '编制数', status: 'missing' as const } };
    const first = inspection({
      evaluation: evaluation({
        inputs: missingStaff,
        findings: [finding('error', 'missing-input', '缺少必填输入"编制数"。', [], ['编制数'])],
      }),
      names: {
        all: [
          { name: '核定人数', scope: { kind: 'workbook' }, refersTo: '基础数据!$B$3' },
          { name: '_jixiao_评分表', scope: { kind: 'workbook' }, refersTo: '评分表!$A$1', hidden: true },
        ],
        values: {},
      },
    });
    const job = fakeJob(first);
    job.runJob.mockResolvedValue(jobResult({ mapping: { 编制数: '核定人数' } }));
    renderApp(officeServices(job));

    const save = await screen.findByRole('button', { name: '保存映射' });
    expect(save).toBeDisabled();
    await u.click(screen.getByRole('combobox', { name: /编制数（必填）/ }));
    expect(screen.queryByRole('option', { name: '_jixiao_评分表' })).not.toBeInTheDocument();
    await u.click(screen.getByRole('option', { name: '核定人数' }));
    await u.click(save);

    expect(await screen.findByText('映射已保存')).toBeInTheDocument();
    expect(job.runJob).toHaveBeenCalledTimes(1);
    expect(job.runJob.mock.calls[0][1]).toMatchObject({
      mapping: { 编制数: '核定人数' },
      saveMapping: true,
      onNameConflict: 'ask',
    });
  });

  it('says the mapping was not saved when blocking errors remain', async () => {
    const u = user();
    const missingStaff = { ...SAMPLE_READINGS, 编制数: { input: '编制数', status: 'missing' as const } };
    const blocked = evaluation({
      inputs: missingStaff,
      findings: [finding('error', 'missing-input', '缺少必填输入"编制数"。', [], ['编制数'])],
    });
    const first = inspection({
      evaluation: blocked,
      names: { all: [{ name: '核定人数', scope: { kind: 'workbook' }, refersTo: '#REF!' }], values: {} },
    });
    const job = fakeJob(first);
    job.runJob.mockResolvedValue(
      jobResult({ evaluation: blocked, written: false, sheets: {}, mapping: { 编制数: '核定人数' } }),
    );
    renderApp(officeServices(job));

    await u.click(await screen.findByRole('combobox', { name: /编制数（必填）/ }));
    await u.click(screen.getByRole('option', { name: '核定人数' }));
    await u.click(screen.getByRole('button', { name: '保存映射' }));
    expect(await screen.findByText('映射未保存：仍有阻止写入的问题（见上方列表）。')).toBeInTheDocument();
    expect(screen.queryByText('映射已保存')).not.toBeInTheDocument();
  });

  it('asks before writing beside a sheet of the clerk named 评分表, then writes with new names', async () => {
    const u = user();
    const job = fakeJob();
    job.runJob
      .mockResolvedValueOnce(jobResult({ written: false, sheets: {}, conflicts: ['评分表'] }))
      .mockResolvedValueOnce(
        jobResult({ sheets: { 指标计算: '指标计算', 评分表: '评分表 (2)', 自评报告: '自评报告' } }),
      );
    renderApp(officeServices(job));

    await u.click(await screen.findByRole('button', { name: '计算指标' }));
    const dialog = await screen.findByRole('dialog', { name: '工作表名称已被占用' });
    expect(dialog).toHaveTextContent('评分表');
    expect(screen.queryByRole('region', { name: '评价结果' })).not.toBeInTheDocument();
    await u.click(within(dialog).getByRole('button', { name: '写入新工作表' }));

    const result = await screen.findByRole('region', { name: '评价结果' });
    expect(job.runJob.mock.calls.map((c) => c[1]?.onNameConflict)).toEqual(['ask', 'rename']);
    expect(within(result).getByText('已写入工作表：指标计算、评分表 (2)、自评报告')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('writes nothing when the clerk cancels the question about taken sheet names', async () => {
    const u = user();
    const job = fakeJob();
    job.runJob.mockResolvedValue(jobResult({ written: false, sheets: {}, conflicts: ['评分表', '自评报告'] }));
    renderApp(officeServices(job));
    await u.click(await screen.findByRole('button', { name: '计算指标' }));
    await u.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(job.runJob).toHaveBeenCalledTimes(1);
  });

  it('uses the workbook scheme by default when the workbook has one, and a chosen preset otherwise', async () => {
    const u = user();
    const job = fakeJob(inspection({ schemeSource: '工作簿中的评分方案（评分方案）' }));
    renderApp(officeServices(job));
    const picker = await screen.findByRole('combobox', { name: '评分方案' });
    await waitFor(() => expect(picker).toHaveTextContent('工作簿中的评分方案'));
    await u.click(screen.getByRole('button', { name: '计算指标' }));
    await waitFor(() => expect(job.runJob).toHaveBeenCalledTimes(1));
    expect(job.runJob.mock.calls[0][1]?.scheme).toBeUndefined();

    await u.click(picker);
    await u.click(screen.getByRole('option', { name: '预设：湖南' }));
    await u.click(screen.getByRole('button', { name: '计算指标' }));
    await waitFor(() => expect(job.runJob).toHaveBeenCalledTimes(2));
    expect(job.runJob.mock.calls[1][1]?.scheme).toBe('湖南');
  });

  it('tells the clerk to run again when a write stopped halfway', async () => {
    const u = user();
    const job = fakeJob();
    job.runJob.mockRejectedValue(
      new WorkbookError('Excel 返回未知错误。请保存后重试；仍失败请反馈错误详情。', 'GeneralException', true),
    );
    renderApp(officeServices(job));
    await u.click(await screen.findByRole('button', { name: '计算指标' }));
    expect(
      await screen.findByText(
        'Excel 返回未知错误。请保存后重试；仍失败请反馈错误详情。 工作表可能只写入了一部分，请再次点击"计算指标"修复。',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '计算指标' })).toBeEnabled();
  });

  it('shows an unexpected failure with what to do next', async () => {
    const job = fakeJob();
    job.inspect.mockRejectedValue(new TypeError('x is undefined'));
    renderApp(officeServices(job));
    expect(
      await screen.findByText('出现意外错误：x is undefined。请重试；仍失败请把这段信息反馈给开发人员。'),
    ).toBeInTheDocument();
  });

  it('reads the workbook again on request, after the clerk has edited it', async () => {
    const u = user();
    const job = fakeJob();
    const fixed = inspection({
      evaluation: evaluation({
        inputs: {
          ...SAMPLE_READINGS,
          编制数: { input: '编制数', status: 'found', value: D(18), cell: '基础数据!B3', via: '编制数' },
        },
      }),
    });
    job.inspect.mockResolvedValueOnce(inspection()).mockResolvedValueOnce(fixed);
    renderApp(officeServices(job));
    await u.click(await screen.findByRole('button', { name: '重新读取' }));
    await waitFor(() => expect(job.inspect).toHaveBeenCalledTimes(2));
    await u.click(screen.getByRole('button', { name: /人员编制/ }));
    const staffing = screen.getByRole('table', { name: '人员编制' });
    expect(within(within(staffing).getByRole('row', { name: /^编制数 / })).getByText('18 人')).toBeInTheDocument();
    expect(job.runJob).not.toHaveBeenCalled();
  });

  it('warns that undo cannot reverse the write', async () => {
    renderApp(officeServices(fakeJob()));
    expect(await screen.findByText(/写入后不能用"撤销"恢复/)).toBeInTheDocument();
  });
});

describe('task pane in a plain browser', () => {
  function xlsxFile(name = '2021年部门数据.xlsx'): File {
    return new File([new Uint8Array([80, 75, 3, 4])], name, {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
  }

  it('before a file is opened offers only opening a workbook and the template', async () => {
    const job = fakeJob();
    renderApp(browserServices(job));
    expect(screen.getByRole('region', { name: '把 .xlsx 文件拖到这里，或点击"打开工作簿"' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '打开工作簿' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '下载模板' })).toBeInTheDocument();
    expect(screen.getByText('文件只在本机浏览器中处理，不会上传到任何地方。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '计算指标' })).not.toBeInTheDocument();
    expect(job.inspect).not.toHaveBeenCalled();
  });

  it('opens an .xlsx, runs the job and downloads the filled workbook under the original name', async () => {
    const u = user();
    const job = fakeJob();
    const services = browserServices(job);
    renderApp(services);

    await u.upload(screen.getByLabelText('打开工作簿'), xlsxFile());
    await waitFor(() => expect(services.openWorkbook).toHaveBeenCalledTimes(1));
    expect(Array.from((services.openWorkbook as jest.Mock).mock.calls[0][0] as Uint8Array)).toEqual([80, 75, 3, 4]);
    expect(await screen.findByText('当前工作簿：2021年部门数据.xlsx')).toBeInTheDocument();
    expect(job.inspect).toHaveBeenCalledTimes(1);
    // Cells are plain text in the browser: there is no sheet to select them in.
    await u.click(await screen.findByRole('button', { name: /基本信息/ }));
    expect(screen.getByText('基础数据!B1').tagName).not.toBe('BUTTON');

    expect(screen.queryByRole('button', { name: '下载结果' })).not.toBeInTheDocument();
    await u.click(screen.getByRole('button', { name: '计算指标' }));
    await u.click(await screen.findByRole('button', { name: '下载结果' }));
    await waitFor(() => expect(services.saveFile).toHaveBeenCalledTimes(1));
    expect((services.saveFile as jest.Mock).mock.calls[0][0]).toBe('2021年部门数据-自评结果.xlsx');
    expect(Array.from((services.saveFile as jest.Mock).mock.calls[0][1] as Uint8Array)).toEqual([80, 75, 3, 4]);
  });

  it('opens a workbook dropped on the zone', async () => {
    const services = browserServices(fakeJob());
    renderApp(services);
    const zone = screen.getByRole('region', { name: '把 .xlsx 文件拖到这里，或点击"打开工作簿"' });
    fireEvent.drop(zone, { dataTransfer: { files: [xlsxFile('部门.xlsx')] } });
    expect(await screen.findByText('当前工作簿：部门.xlsx')).toBeInTheDocument();
  });

  it('refuses a file that is not .xlsx and says what to do', async () => {
    const services = browserServices(fakeJob());
    renderApp(services);
    // The picker's accept filter hides .xls, but a drop or another picker can still deliver one.
    fireEvent.change(screen.getByLabelText('打开工作簿'), { target: { files: [new File(['x'], '旧表.xls')] } });
    expect(
      await screen.findByText('"旧表.xls"不是 .xlsx 文件。请在 Excel 或 WPS 中另存为 .xlsx 格式后再打开。'),
    ).toBeInTheDocument();
    expect(services.openWorkbook).not.toHaveBeenCalled();
  });

  it('says why a workbook could not be read', async () => {
    const u = user();
    const services = browserServices(fakeJob(), {
      openWorkbook: jest.fn(async () => Promise.reject(new Error('文件已损坏'))),
    });
    renderApp(services);
    await u.upload(screen.getByLabelText('打开工作簿'), xlsxFile('坏.xlsx'));
    expect(await screen.findByText('无法读取"坏.xlsx"：文件已损坏')).toBeInTheDocument();
  });

  it('downloads the empty template', async () => {
    const u = user();
    const services = browserServices(fakeJob());
    renderApp(services);
    await u.click(screen.getByRole('button', { name: '下载模板' }));
    await waitFor(() =>
      expect(services.saveFile).toHaveBeenCalledWith('绩效自评-输入模板.xlsx', new Uint8Array([80, 75, 5, 6])),
    );
  });
});
