/** The outcome travels to the dialog page in its URL: short, and read back exactly. */
import Decimal from 'decimal.js';
import type { JobResult } from '../../src/app/job';
import {
  decodeOutcome,
  encodeOutcome,
  outcomeOfError,
  outcomeOfResult,
  OUTCOME_PARAM,
  type Outcome,
} from '../../src/commands/outcome';
import { outcomeDialogUrl } from '../../src/commands/outcomeDialog';
import type { Evaluation, Finding } from '../../src/engine/types';

const search = (o: Outcome): string => `?${OUTCOME_PARAM}=${encodeOutcome(o)}`;

describe('outcome', () => {
  it('round-trips each kind through the query string', () => {
    const outcomes: Outcome[] = [
      {
        kind: 'written',
        total: '86.50',
        grade: '良',
        provisional: true,
        notices: ['工作簿中已有您自己的工作表“评分表”，它保持不变；本次结果写入“评分表 (2)”。'],
      },
      { kind: 'blocked', errors: ['缺少必填输入"编制数"。', '全年预算数 & 全年执行数 = ?'], more: 2 },
      { kind: 'failed', message: '请先结束单元格编辑（按 Enter 或 Esc），再点击"计算指标"。', partial: false },
    ];
    for (const o of outcomes) expect(decodeOutcome(search(o))).toEqual(o);
  });

  it('ignores a page without an outcome or with a malformed one', () => {
    expect(decodeOutcome('')).toBeNull();
    expect(decodeOutcome('?x=1')).toBeNull();
    expect(decodeOutcome(`?${OUTCOME_PARAM}=%7Bnot json`)).toBeNull();
    expect(decodeOutcome(`?${OUTCOME_PARAM}=${encodeURIComponent('{"kind":"written","total":86}')}`)).toBeNull();
    expect(decodeOutcome(`?${OUTCOME_PARAM}=${encodeURIComponent('{"kind":"other"}')}`)).toBeNull();
  });

  it('keeps at most five errors, each cut to 200 characters, and counts the rest', () => {
    const findings: Finding[] = Array.from({ length: 8 }, (_, i) => ({
      code: 'invalid-input',
      severity: 'error' as const,
      message: `错误${i}：${'很长的说明'.repeat(i === 0 ? 60 : 1)}`,
      inputs: [],
      cells: [],
    }));
    const result = {
      evaluation: {
        findings,
        total: new Decimal(0),
        grade: '差',
        provisional: false,
        blocked: true,
      } as unknown as Evaluation,
      written: false,
      notices: [],
    } as unknown as JobResult;
    const outcome = outcomeOfResult(result);
    if (outcome.kind !== 'blocked') throw new Error('expected blocked');
    expect(outcome.errors).toHaveLength(5);
    expect(outcome.more).toBe(3);
    expect(Array.from(outcome.errors[0])).toHaveLength(200);
    expect(outcome.errors[0].endsWith('…')).toBe(true);
    expect(outcome.errors[1]).toBe('错误1：很长的说明');
    // 5 errors of ≤ 200 characters, each CJK character 9 bytes once percent-encoded: well under 10 kB.
    expect(search(outcome).length).toBeLessThan(10_000);
  });

  it('marks only a WorkbookError with partial=true as a partial write', () => {
    const partial = Object.assign(new Error('写入失败'), { name: 'WorkbookError', partial: true });
    expect(outcomeOfError(partial)).toEqual({ kind: 'failed', message: '写入失败', partial: true });
    expect(outcomeOfError(Object.assign(new Error('x'), { partial: true }))).toEqual({
      kind: 'failed',
      message: 'x',
      partial: false,
    });
    expect(outcomeOfError('boom')).toEqual({ kind: 'failed', message: 'boom', partial: false });
  });

  it('opens the pane page beside the function file, with the outcome as its only query', () => {
    const o: Outcome = { kind: 'written', total: '90.00', grade: '优', provisional: false, notices: [] };
    const url = outcomeDialogUrl(o, 'https://srv.example/jixiao/commands.html?_host_Info=Excel');
    expect(url.startsWith('https://srv.example/jixiao/taskpane.html?outcome=')).toBe(true);
    expect(decodeOutcome(new URL(url).search)).toEqual(o);
  });
});
