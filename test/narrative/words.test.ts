import Decimal from 'decimal.js';
import { reportProblems } from '../../src/engine/narrative';
import {
  changeWords,
  chineseNumber,
  listWords,
  proseDate,
  prosePoints,
  proseNumber,
  sentence,
} from '../../src/engine/narrative/words';

const d = (s: string) => new Decimal(s);

describe('narrative words', () => {
  it('writes a change as a word, never a sign', () => {
    expect(changeWords(d('0.55'), d('0.49'), d('12.24'))).toBe('比上年增加0.06万元，增长12.24%');
    expect(changeWords(d('0.43'), d('0.49'), d('-12.24'))).toBe('比上年减少0.06万元，下降12.24%');
    expect(changeWords(d('0.55'), d('0.55'), d('0'))).toBe('与上年持平');
    expect(changeWords(d('3'), d('2'))).toBe('比上年增加1万元');
  });

  it('uses 个百分点 for a difference of rates, without sign or trailing zeros of an integer', () => {
    expect(prosePoints(d('-3.58'))).toBe('3.58个百分点');
    expect(prosePoints(d('10'))).toBe('10个百分点');
    expect(prosePoints(d('11.70'))).toBe('11.70个百分点');
  });

  it('drops trailing zeros of amounts in formulas', () => {
    expect(proseNumber(d('20.80'))).toBe('20.8');
    expect(proseNumber(d('3.00'))).toBe('3');
    expect(proseNumber(d('174.555'))).toBe('174.56');
  });

  it('numbers sections in Chinese', () => {
    expect([1, 2, 7, 10, 11, 20, 23].map(chineseNumber)).toEqual(['一', '二', '七', '十', '十一', '二十', '二十三']);
  });

  it('dates, lists and sentence ends', () => {
    expect(proseDate(new Date(2022, 6, 8))).toBe('2022年7月8日');
    expect(listWords(['甲'])).toBe('甲');
    expect(listWords(['甲', '乙', '丙'])).toBe('甲、乙和丙');
    expect(listWords([])).toBe('');
    expect(listWords(['甲', '乙'])).toBe('甲和乙');
    expect(listWords(['甲', '乙', '丙', '丁'])).toBe('甲、乙、丙和丁');
    expect(proseDate(new Date(2021, 11, 31))).toBe('2021年12月31日');
    expect(proseDate(new Date(2022, 0, 1))).toBe('2022年1月1日');
    expect(sentence('已完成')).toBe('已完成。');
    expect(sentence('已完成；')).toBe('已完成；');
  });
});

describe('reportProblems', () => {
  const p = (text: string) => [{ kind: 'paragraph' as const, text }];
  it('catches what must never reach the sheet', () => {
    expect(reportProblems(p('得分undefined分'))).toHaveLength(1);
    expect(reportProblems(p('增长NaN%'))).toHaveLength(1);
    expect(reportProblems(p('单位null'))).toHaveLength(1);
    expect(reportProblems(p('[object Object]'))).toHaveLength(1);
    expect(reportProblems(p('{{单位名称}}'))).toHaveLength(1);
    expect(reportProblems(p('变动率为-12.24%'))).toHaveLength(1);
    expect(reportProblems(p('（−0.06'))).toHaveLength(1);
    expect(reportProblems(p(''))).toEqual(['第1段为空']);
  });

  it('lets subtraction and year ranges pass', () => {
    expect(reportProblems(p('（0.55−0.49）÷0.49×100%=12.24%；2021-2025年规划'))).toEqual([]);
  });
});
