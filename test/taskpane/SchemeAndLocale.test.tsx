/** Importing a scheme file, and the English fallback of the pane. */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App/App';
import { fakeJob, officeServices, renderApp, renderInPane, user } from './fakes';

const SCHEME_JSON = JSON.stringify({
  name: '某市',
  items: [
    {
      level1: '投入',
      level2: '预算配置',
      level3: '在职人员控制率',
      weight: 50,
      rule: { kind: 'ceiling', limit: 100, perPoint: 0.5 },
    },
    { level1: '过程', level2: '预算执行', level3: '预算完成率', weight: 50, rule: { kind: 'proportional' } },
  ],
});

describe('scheme picker', () => {
  it('imports a scheme from a JSON file and runs the job with it', async () => {
    const u = user();
    const job = fakeJob();
    renderApp(officeServices(job));
    const picker = await screen.findByRole('combobox', { name: '评分方案' });
    expect(picker).toHaveTextContent('预设：通用');

    fireEvent.change(screen.getByLabelText('从 JSON 文件导入评分方案'), {
      target: { files: [new File([SCHEME_JSON], '某市评分方案.json', { type: 'application/json' })] },
    });
    await waitFor(() => expect(picker).toHaveTextContent('文件：某市评分方案.json'));
    await u.click(screen.getByRole('button', { name: '计算指标' }));
    await waitFor(() => expect(job.runJob).toHaveBeenCalledTimes(1));
    const scheme = job.runJob.mock.calls[0][1]?.scheme;
    expect(typeof scheme === 'object' && scheme.name).toBe('某市');
    expect(typeof scheme === 'object' && scheme.items.map((i) => i.indicator)).toEqual([
      '在职人员控制率',
      '预算完成率',
    ]);
  });

  it("shows the engine's reason when the file is not a valid scheme, and keeps the current choice", async () => {
    const job = fakeJob();
    renderApp(officeServices(job));
    const picker = await screen.findByRole('combobox', { name: '评分方案' });
    fireEvent.change(screen.getByLabelText('从 JSON 文件导入评分方案'), {
      target: { files: [new File(['{"name":"坏方案"}'], '坏.json')] },
    });
    expect(await screen.findByText(/评分方案文件 坏\.json 缺少 items 数组/)).toBeInTheDocument();
    expect(picker).toHaveTextContent('预设：通用');
  });
});

describe('English fallback', () => {
  it('renders the pane in English for a non-Chinese display language', async () => {
    renderInPane(<App services={officeServices(fakeJob())} />, 'en-US');
    expect(await screen.findByRole('button', { name: 'Compute indicators' })).toBeInTheDocument();
    const inputs = await screen.findByRole('region', { name: 'Inputs' });
    expect(within(inputs).getByRole('button', { name: /Staffing/ })).toBeInTheDocument();
  });
});
