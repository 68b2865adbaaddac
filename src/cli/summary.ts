/** The readable Chinese summary `jixiao evaluate` prints without --json. */
import { formatPercent } from '../engine/format';
import type { Evaluation, Finding, IndicatorResult } from '../engine/types';
import { renderTable } from './table';

const STATUS: Record<IndicatorResult['status'], string> = {
  ok: '正常',
  not_applicable: '不适用',
  not_computable: '无法计算',
};

const SEVERITY: Record<Finding['severity'], string> = { error: '错误', warning: '警告', info: '提示' };

export function renderSummary(ev: Evaluation, schemeSource: string): string {
  const rows = ev.items.map((it) => {
    const ind = it.indicator;
    const value = ind?.status === 'ok' && ind.value ? formatPercent(ind.value) : ind ? '—' : '';
    const status = ind
      ? STATUS[ind.status] +
        (ind.reason ? `（${ind.reason}）` : ind.missing?.length ? `（缺少${ind.missing.join('、')}）` : '')
      : '手工评分';
    const score = it.excluded ? '不计' : it.score === null ? '待评' : it.score.toFixed(2);
    return [it.item.level3, value, String(it.item.weight), score, status];
  });
  const out: string[] = [];
  out.push(`${ev.unit || '（未填单位名称）'} ${ev.year || ''}年度 部门整体支出绩效自评`);
  out.push(`评分方案：${schemeSource}`);
  out.push('');
  out.push(renderTable(['指标', '指标值', '分值', '得分', '状态'], rows, [1, 2, 3]));
  out.push('');
  out.push(
    `自评得分：${ev.total.toFixed(2)}　评价等级：${ev.grade}${ev.provisional ? '　（暂定：尚有手工评分项未评分）' : ''}`,
  );
  const groups: Finding['severity'][] = ['error', 'warning', 'info'];
  for (const sev of groups) {
    const list = ev.findings.filter((f) => f.severity === sev);
    if (!list.length) continue;
    out.push('');
    out.push(`${SEVERITY[sev]}（${list.length}）：`);
    for (const f of list) out.push(`  - [${f.code}] ${f.message}`);
  }
  return out.join('\n');
}

export function renderBlocking(ev: Evaluation): string {
  const errors = ev.findings.filter((f) => f.severity === 'error');
  return ['工作簿有以下错误，需要先改正（未写入任何内容）：', ...errors.map((f) => `  - ${f.message}`)].join('\n');
}
