/** The rule notation of the 评分方案 sheet (engine/schemeNotation.ts). */
import { getPreset } from '../../src/engine/schemes';
import type { Scheme } from '../../src/engine/types';
import { parseBands, parseRule, ruleParameters } from '../../src/engine/schemeNotation';

function preset(name: string): Scheme {
  return getPreset(name) as Scheme;
}

describe('rule notation', () => {
  it('parses every interval form', () => {
    expect(parseBands('=0:3; (0,10]:2; >30:0; ≤5:1; [20,):0.5')).toEqual([
      { min: 0, minIncluded: true, max: 0, maxIncluded: true, score: 3 },
      { min: 0, minIncluded: false, max: 10, maxIncluded: true, score: 2 },
      { min: 30, minIncluded: false, score: 0 },
      { max: 5, maxIncluded: true, score: 1 },
      { min: 20, minIncluded: true, score: 0.5 },
    ]);
    expect(parseBands('>=90%:4\n<90%:0')).toEqual([
      { min: 90, minIncluded: true, score: 4 },
      { max: 90, maxIncluded: false, score: 0 },
    ]);
  });

  it('says what is wrong', () => {
    expect(parseBands('90-100:4')).toBe('无法识别区间“90-100”');
    expect(parseBands('≥90')).toBe('“≥90”缺少得分，应写成“区间:得分”');
    expect(parseRule('比例', '目标=95')).toEqual({ kind: 'proportional', target: 95 });
    expect(parseRule('比例', '')).toEqual({ kind: 'proportional' });
    expect(parseRule('比例', '上限=1')).toBe('比例规则只有参数“目标”，不认识“上限”');
    expect(parseRule('人工评分', '')).toEqual({ kind: 'manual' });
  });

  it('writes what it reads', () => {
    for (const scheme of [preset('通用'), preset('湖南')]) {
      for (const item of scheme.items) {
        const words = { proportional: '比例', ceiling: '上限扣分', bands: '区间', quarterly: '季度', manual: '手工' }[
          item.rule.kind
        ];
        expect(parseRule(words, ruleParameters(item.rule))).toEqual(item.rule);
      }
    }
  });
});
