/** The ribbon command's outcome dialog. */
import { screen } from '@testing-library/react';
import { OutcomeView } from './OutcomeView';
import { renderInPane, user } from '../../../../test/taskpane/fakes';

describe('OutcomeView', () => {
  it('shows total and grade, provisional when manual items wait', () => {
    renderInPane(
      <OutcomeView
        outcome={{
          kind: 'written',
          total: '86.50',
          grade: '良',
          provisional: true,
          notices: ['本次结果写入“评分表 (2)”。'],
        }}
      />,
    );
    expect(screen.getByText('自评得分 86.50，评价等级：良')).toBeInTheDocument();
    expect(screen.getByText(/得分为暂定/)).toBeInTheDocument();
    expect(screen.getByText('本次结果写入“评分表 (2)”。')).toBeInTheDocument();
  });

  it('lists the blocking errors and how many more there are', () => {
    renderInPane(<OutcomeView outcome={{ kind: 'blocked', errors: ['缺少必填输入"编制数"。'], more: 3 }} />);
    expect(screen.getByText('以下问题阻止了写入，工作簿未作任何改动：')).toBeInTheDocument();
    expect(screen.getByText('缺少必填输入"编制数"。')).toBeInTheDocument();
    expect(screen.getByText('另有 3 个问题，请打开任务窗格查看。')).toBeInTheDocument();
  });

  it('adds the re-run advice to a partial write and closes on request', async () => {
    const onClose = jest.fn();
    renderInPane(
      <OutcomeView outcome={{ kind: 'failed', message: 'Excel 返回未知错误。', partial: true }} onClose={onClose} />,
    );
    expect(screen.getByText(/Excel 返回未知错误。 工作表可能只写入了一部分/)).toBeInTheDocument();
    await user().click(screen.getByRole('button', { name: '关闭' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('has no close button when the page cannot reach its opener', () => {
    renderInPane(<OutcomeView outcome={{ kind: 'failed', message: 'x', partial: false }} />);
    expect(screen.queryByRole('button', { name: '关闭' })).not.toBeInTheDocument();
  });
});
