/**
 * The ribbon command with fakes: whatever happens, Office hears event.completed() exactly once,
 * and the clerk is told the total and grade, the blocking errors, or the failure.
 */
import Decimal from 'decimal.js';
import type { JobResult } from '../../src/app/job';
import { makeRunEvaluation, type RunEvaluationDeps } from '../../src/commands/runEvaluation';
import type { Outcome } from '../../src/commands/outcome';
import type { Evaluation, Finding } from '../../src/engine/types';
import { WorkbookError } from '../../src/workbook/port';

function result(written: boolean, findings: Finding[] = [], extra: Partial<Evaluation> = {}): JobResult {
  const evaluation = {
    total: new Decimal('86.5'),
    grade: '良',
    provisional: false,
    findings,
    blocked: !written,
    ...extra,
  } as Evaluation;
  return {
    state: { sheets: [], owned: {} },
    names: { all: [], values: {} },
    mapping: {},
    storedMapping: {},
    evaluation,
    schemeSource: '预设：通用',
    outputCandidates: [],
    written,
    sheets: written ? { 评分表: '评分表' } : {},
    notices: [],
    conflicts: [],
  };
}

function setup(
  runJob: RunEvaluationDeps['runJob'],
  notify: RunEvaluationDeps['notify'] = jest.fn(async () => undefined),
) {
  const shown: Outcome[] = [];
  const deps: RunEvaluationDeps = {
    runJob: jest.fn(runJob),
    notify: jest.fn(async (o: Outcome) => {
      shown.push(o);
      return notify(o);
    }),
    log: jest.fn(),
    notifyTimeoutMs: 50,
  };
  const event = { completed: jest.fn() };
  return { handler: makeRunEvaluation(deps), deps, event, shown };
}

describe('runEvaluation (ribbon ExecuteFunction)', () => {
  it('runs the job renaming around the clerk’s sheets and reports total and grade', async () => {
    const { handler, deps, event, shown } = setup(async () => result(true, [], { provisional: true }));
    await handler(event);
    expect(deps.runJob).toHaveBeenCalledWith({ onNameConflict: 'rename' });
    expect(shown).toEqual([{ kind: 'written', total: '86.50', grade: '良', provisional: true, notices: [] }]);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('reports the blocking errors with their cells when nothing was written', async () => {
    const errors: Finding[] = [
      { code: 'missing-input', severity: 'error', message: '缺少必填输入"编制数"。', inputs: ['编制数'], cells: [] },
      {
        code: 'invalid-input',
        severity: 'error',
        message: '全年预算数（基础数据!B6）不是数字："待定"。',
        inputs: ['全年预算数'],
        cells: ['基础数据!B6'],
      },
      {
        code: 'number-as-text',
        severity: 'info',
        message: '编制数以文本形式存储。',
        inputs: ['编制数'],
        cells: ['基础数据!B3'],
      },
    ];
    const { handler, event, shown } = setup(async () => result(false, errors));
    await handler(event);
    expect(shown).toEqual([
      {
        kind: 'blocked',
        errors: ['缺少必填输入"编制数"。', '全年预算数（基础数据!B6）不是数字："待定"。（基础数据!B6）'],
        more: 0,
      },
    ]);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('reports a thrown error, with the re-run advice for a partial write', async () => {
    const { handler, deps, event, shown } = setup(async () => {
      throw new WorkbookError('Excel 返回未知错误。请保存后重试；仍失败请反馈错误详情。', 'GeneralException', true);
    });
    await handler(event);
    expect(shown).toEqual([
      { kind: 'failed', message: 'Excel 返回未知错误。请保存后重试；仍失败请反馈错误详情。', partial: true },
    ]);
    expect(deps.log).toHaveBeenCalled();
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('completes even when showing the outcome fails', async () => {
    const { handler, event } = setup(
      async () => result(true),
      async () => {
        throw new Error('12007');
      },
    );
    await handler(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('completes after a timeout when the dialog never answers', async () => {
    const { handler, event } = setup(
      async () => result(true),
      () => new Promise<void>(() => undefined),
    );
    await handler(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('does not complete before the job has finished', async () => {
    let finish!: (r: JobResult) => void;
    const { handler, event } = setup(() => new Promise<JobResult>((resolve) => (finish = resolve)));
    const running = handler(event);
    await Promise.resolve();
    expect(event.completed).not.toHaveBeenCalled();
    finish(result(true));
    await running;
    expect(event.completed).toHaveBeenCalledTimes(1);
  });
});
