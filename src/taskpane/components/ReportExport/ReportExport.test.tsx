/** 导出 Word 报告 and 复制报告 in the pane: what each click hands over, and what the clerk is told. */
import { screen, waitFor } from '@testing-library/react';
import type { ReportExport as Built } from '../../../app/report';
import type { ReportServices } from '../../services/services';
import { ReportExport } from './ReportExport';
import { fakePort, inspection, renderInPane, user } from '../../../../test/taskpane/fakes';

const DOCX = new Uint8Array([80, 75, 3, 4]);
const OK: Built = {
  ok: true,
  from: { kind: 'sheet', sheet: '自评报告' },
  fileName: '某局2021年度部门整体支出绩效自评报告.docx',
  docx: DOCX,
  html: '<p>报告</p>',
  text: '报告',
  total: '86.50',
  grade: '良',
};

function services(built: Built = OK, extra: Partial<ReportServices> = {}): ReportServices {
  return {
    build: jest.fn(async (_port, format) =>
      built.ok && format === 'html' ? { ...built, docx: undefined } : { ...built, html: undefined, text: undefined },
    ),
    save: jest.fn(),
    copy: jest.fn(async () => undefined),
    ...extra,
  };
}

describe('ReportExport', () => {
  it('导出 Word 报告 reads the workbook now and downloads the .docx under the report title', async () => {
    const report = services();
    const port = fakePort();
    renderInPane(<ReportExport port={port} report={report} disabled={false} />);
    await user().click(screen.getByRole('button', { name: '导出 Word 报告' }));
    await waitFor(() => expect(report.save).toHaveBeenCalledWith('某局2021年度部门整体支出绩效自评报告.docx', DOCX));
    expect(report.build).toHaveBeenCalledWith(port, 'docx');
    expect(await screen.findByText(/已生成“某局2021年度部门整体支出绩效自评报告.docx”/)).toBeInTheDocument();
    expect(screen.getByText(/正文取自工作表“自评报告”，包括您的修改/)).toBeInTheDocument();
  });

  it('复制报告 puts the HTML and its plain text on the clipboard', async () => {
    const report = services({ ...OK, from: { kind: 'generated' } });
    renderInPane(<ReportExport port={fakePort()} report={report} disabled={false} />);
    await user().click(screen.getByRole('button', { name: '复制报告' }));
    await waitFor(() => expect(report.copy).toHaveBeenCalledWith('<p>报告</p>', '报告'));
    expect(await screen.findByText(/报告已复制/)).toBeInTheDocument();
    expect(screen.getByText(/正文按当前数据生成/)).toBeInTheDocument();
  });

  it('says what to do when the host refuses the download or the clipboard', async () => {
    const report = services(OK, {
      save: jest.fn(() => {
        throw new Error('下载被阻止');
      }),
      copy: jest.fn(async () => {
        throw new Error('权限被拒绝');
      }),
    });
    renderInPane(<ReportExport port={fakePort()} report={report} disabled={false} />);
    await user().click(screen.getByRole('button', { name: '导出 Word 报告' }));
    expect(await screen.findByText(/无法下载（下载被阻止）.*请改用“复制报告”/)).toBeInTheDocument();
    await user().click(screen.getByRole('button', { name: '复制报告' }));
    expect(await screen.findByText(/无法写入剪贴板（权限被拒绝）.*请改用“导出 Word 报告”/)).toBeInTheDocument();
  });

  it('writes nothing when blocking errors stop the report, and waits while the job runs', async () => {
    const report = services({ ok: false, inspection: inspection() });
    const { rerender } = renderInPane(<ReportExport port={fakePort()} report={report} disabled={false} />);
    await user().click(screen.getByRole('button', { name: '导出 Word 报告' }));
    expect(await screen.findByText(/未生成报告/)).toBeInTheDocument();
    expect(report.save).not.toHaveBeenCalled();
    rerender(<ReportExport port={fakePort()} report={report} disabled={true} />);
    expect(screen.getByRole('button', { name: '导出 Word 报告' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '复制报告' })).toBeDisabled();
  });
});
