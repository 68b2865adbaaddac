/** The result panel tells the clerk which report paragraphs were kept and which figures to check, as links. */
import { screen } from '@testing-library/react';
import { ResultPanel } from './ResultPanel';
import { HostServicesContext } from '../../services/services';
import { fakeJob, jobResult, officeServices, renderInPane, user } from '../../../../test/taskpane/fakes';

const KEPT = ['自评报告!A27', '自评报告!A51'];
const WARNING = '自评报告!A27 是您修改过的段落，其中“100%”现应为“97.39%”，请核对。';

function result() {
  return jobResult({
    notices: [`保留了您修改的 2 段：${KEPT.join('、')}。`, WARNING, '本次结果写入“评分表 (2)”。'],
    report: {
      kept: [
        { cell: KEPT[0], text: '预算完成率……资金执行严格按照预算批复进行。' },
        { cell: KEPT[1], text: '全年协调金融机构新增贷款。' },
      ],
      warnings: [{ cell: KEPT[0], was: '100%', now: '97.39%', message: WARNING }],
    },
  });
}

describe('ResultPanel: kept report paragraphs', () => {
  it('names each kept paragraph and the stale figure with a link that selects its cell in Excel', async () => {
    const services = officeServices(fakeJob());
    renderInPane(
      <HostServicesContext.Provider value={services}>
        <ResultPanel result={result()} />
      </HostServicesContext.Provider>,
    );
    expect(screen.getByText(/保留了您修改的 2 段/)).toBeInTheDocument();
    expect(screen.getByText('本次结果写入“评分表 (2)”。')).toBeInTheDocument();
    // Shown once, with links, not also as the plain notice text.
    expect(screen.queryByText(`保留了您修改的 2 段：${KEPT.join('、')}。`)).not.toBeInTheDocument();
    expect(screen.getByText(/其中“100%”现应为“97.39%”，请核对。/)).toBeInTheDocument();
    const links = screen.getAllByRole('button', { name: KEPT[0] });
    expect(links).toHaveLength(2);
    expect(screen.getByRole('button', { name: KEPT[1] })).toBeInTheDocument();
    await user().click(screen.getByRole('button', { name: KEPT[1] }));
    expect(services.selectCell).toHaveBeenCalledWith(KEPT[1]);
  });
});
