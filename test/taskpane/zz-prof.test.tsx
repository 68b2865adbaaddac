import { screen } from '@testing-library/react';
import { evaluation, fakeJob, finding, inspection, jobResult, renderApp, officeServices, SAMPLE_READINGS, user } from './fakes';
it('prof', async () => {
  const u = user();
  const t0 = Date.now();
  const lap = (l: string) => console.log(l, Date.now() - t0);
  const missingStaff = { ...SAMPLE_READINGS, 编制数: { input: '编制数', status: 'missing' as const } };
  const first = inspection({
    evaluation: evaluation({ inputs: missingStaff, findings: [finding('error', 'input-missing', '缺少必填输入"编制数"。', [], ['编制数'])] }),
    names: { all: [{ name: '核定人数', scope: { kind: 'workbook' }, refersTo: '基础数据!$B$3' }], values: {} },
  });
  const job = fakeJob(first);
  job.runJob.mockResolvedValue(jobResult({ mapping: { 编制数: '核定人数' } }));
  renderApp(officeServices(job));
  lap('render');
  const save = await screen.findByRole('button', { name: '保存映射' });
  lap('find save');
  console.log('elements', document.querySelectorAll('*').length, 'style rules', Array.from(document.styleSheets).reduce((n, s) => n + s.cssRules.length, 0));
  const cb = screen.getByRole('combobox', { name: /编制数（必填）/ });
  lap('get combobox');
  await u.click(cb);
  lap('click combobox');
  await u.click(screen.getByRole('option', { name: '核定人数' }));
  lap('click option');
  await u.click(save);
  lap('click save');
  await screen.findByText('映射已保存');
  lap('saved');
});
