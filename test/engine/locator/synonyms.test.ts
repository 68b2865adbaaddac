/** The synonym table is data a reviewer reads: these tests keep it unambiguous. */
import { INPUTS, type InputName } from '../../../src/engine/catalogue';
import { normalizeLabel } from '../../../src/engine/locator';
import {
  LABEL_EXCLUDED_ALIASES,
  LABEL_INDEX,
  LABEL_SYNONYMS,
  ROLE_LABELS,
  TABLE_INPUTS,
  TOPIC_LABELS,
} from '../../../src/engine/locator/synonyms';

const entries = Object.entries(LABEL_SYNONYMS) as [InputName, readonly string[]][];

describe('synonym table', () => {
  it('maps every synonym to exactly one input: no two inputs claim the same label', () => {
    const claims = new Map<string, InputName[]>();
    for (const [input, labels] of entries) for (const l of labels) claims.set(l, [...(claims.get(l) ?? []), input]);
    const twice = [...claims].filter(([, inputs]) => inputs.length > 1);
    expect(twice).toEqual([]);
    expect(LABEL_INDEX.size).toBe(claims.size);
    for (const [label, [input]] of claims) expect(LABEL_INDEX.get(label)).toBe(input);
  });

  it('covers every catalogue input with at least its canonical name', () => {
    expect(entries.map(([input]) => input).sort()).toEqual(INPUTS.map((d) => d.name).sort());
    for (const [input, labels] of entries) expect(labels).toContain(input);
  });

  it('is written in normalised form (what normalizeLabel makes of a label)', () => {
    for (const [, labels] of entries) for (const l of labels) expect(normalizeLabel(l).key).toBe(l);
  });

  it('gives a label starting with 上年 only to a 上年 input', () => {
    for (const [input, labels] of entries)
      for (const l of labels) if (l.startsWith('上年')) expect([l, input.startsWith('上年')]).toEqual([l, true]);
  });

  it('takes every catalogue alias as a label unless it is excluded with a reason', () => {
    for (const def of INPUTS)
      for (const alias of def.aliases) {
        const excluded = alias in LABEL_EXCLUDED_ALIASES;
        expect([alias, excluded || LABEL_INDEX.get(alias) === def.name]).toEqual([alias, true]);
      }
    for (const [alias, reason] of Object.entries(LABEL_EXCLUDED_ALIASES)) {
      expect(reason.length).toBeGreaterThan(3);
      expect(INPUTS.some((d) => (d.aliases as readonly string[]).includes(alias))).toBe(true);
    }
  });

  it('keeps the pairs the issue names apart', () => {
    const pairs: [string, InputName][] = [
      ['编制人数', '编制数'],
      ['核定编制', '编制数'],
      ['实有人数', '在职人员数'],
      ['年末在职人员数', '在职人员数'],
      ['调整后预算数', '全年预算数'],
      ['预算调整数', '预算调整数'],
      ['追加预算', '预算调整数'],
      ['年初结转结余', '上年结转结余总额'],
      ['年末结转结余', '结转结余总额'],
      ['1季度末累计支出', '一季度累计支出'],
      ['上年三公经费支出数', '上年三公经费支出数'],
    ];
    for (const [label, input] of pairs) expect([label, LABEL_INDEX.get(label)]).toEqual([label, input]);
    expect(LABEL_INDEX.get('上年全年预算数')).toBeUndefined();
  });

  it('has table rows and columns that each mean one thing, 上年 columns only for 上年 roles', () => {
    for (const table of [TOPIC_LABELS, ROLE_LABELS] as Record<string, readonly string[]>[]) {
      const all = Object.values(table).flat();
      expect(new Set(all).size).toBe(all.length);
      for (const labels of Object.values(table)) for (const l of labels) expect(normalizeLabel(l).key).toBe(l);
    }
    for (const [role, labels] of Object.entries(ROLE_LABELS))
      for (const l of labels) expect([l, role.startsWith('上年')]).toEqual([l, l.startsWith('上年')]);
    for (const roles of Object.values(TABLE_INPUTS))
      for (const [role, input] of Object.entries(roles))
        expect(role.startsWith('上年')).toBe(input!.startsWith('上年'));
  });
});
