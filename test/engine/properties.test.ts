/** Properties that hold for any inputs: random departments with zeros, gaps, huge and tiny figures. */
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { INPUTS } from '../../src/engine/catalogue';
import { evaluate } from '../../src/engine/evaluate';
import { toEvaluationJson } from '../../src/engine/json';
import { getPreset } from '../../src/engine/schemes';
import type { InputReading, InputsRead, ManualEntries, Scheme } from '../../src/engine/types';

/** m × 10^−k as a plain decimal string, m up to 30 digits: 0, 174.56, 0.000…1, 10^30. */
const scaled = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: 0, max: 30 }))
  .map(([m, k]) => new Decimal(m.toString()).div(new Decimal(10).pow(k)).toFixed());
const amount = fc.oneof(
  { weight: 1, arbitrary: fc.constant('0') },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 10_000_000 }).map((n) => new Decimal(n).div(100).toFixed()) },
  { weight: 2, arbitrary: scaled },
);
const count = fc
  .oneof(fc.constant(0), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 1_000_000 }))
  .map(String);
const percent = fc.integer({ min: 0, max: 10_000 }).map((n) => new Decimal(n).div(100).toFixed());

/** Each optional input: missing (sometimes), invalid (rarely), or a value of its kind. */
const readings: fc.Arbitrary<InputsRead> = fc
  .tuple(
    ...INPUTS.map((def) => {
      const value: fc.Arbitrary<string> =
        def.kind === 'text'
          ? fc.constantFrom('单位名称', '情况说明')
          : def.kind === 'year'
            ? fc.constant('2021')
            : def.kind === 'count'
              ? count
              : def.kind === 'percent'
                ? percent
                : amount;
      return fc.oneof(
        { weight: def.required ? 0 : 2, arbitrary: fc.constant<string | null | undefined>(undefined) },
        {
          weight: def.required || def.kind === 'text' ? 0 : 1,
          arbitrary: fc.constant<string | null | undefined>(null),
        },
        { weight: 8, arbitrary: value },
      );
    }),
  )
  .map((values) => {
    const out: Record<string, InputReading> = {};
    INPUTS.forEach((def, i) => {
      const v = values[i];
      const cell = `基础数据!B${i + 2}`;
      if (v === undefined) out[def.name] = { input: def.name, status: 'missing' };
      else if (v === null)
        out[def.name] = {
          input: def.name,
          status: 'invalid',
          cell,
          problem: `${def.name}（${cell}）的值"待定"不是数字`,
        };
      else out[def.name] = { input: def.name, status: 'found', value: def.kind === 'text' ? v : new Decimal(v), cell };
    });
    return { readings: out, findings: [] };
  });

const schemes: fc.Arbitrary<Scheme> = fc
  .tuple(
    fc.constantFrom('通用', '湖南'),
    fc.constantFrom<Scheme['notApplicable']>('rescale', 'full'),
    fc.constantFrom<Scheme['officialExpensesBasis']>('决算口径', '预算口径'),
  )
  .map(([name, notApplicable, officialExpensesBasis]) => ({
    ...getPreset(name)!,
    notApplicable,
    officialExpensesBasis,
  }));

/** Some manual scores, within and beyond [0, 分值]. */
const manual: fc.Arbitrary<ManualEntries | undefined> = fc.option(
  fc
    .dictionary(
      fc.constantFrom(
        '绩效目标合理性',
        '经济效益',
        '社会效益',
        '重点支出安排率',
        '社会公众或服务对象满意度',
        '结转结余变动率',
        '政府采购执行率',
      ),
      fc.oneof(fc.double({ min: -10, max: 20, noNaN: true }), fc.integer({ min: 0, max: 5 })),
    )
    .map((scores) => ({ scores, notes: {} })),
  { nil: undefined },
);

const twoDecimals = (d: Decimal) => d.decimalPlaces() <= 2;

test('every indicator is a finite 2-decimal rate, or not applicable with a reason, or not computable with the missing inputs', () => {
  fc.assert(
    fc.property(readings, schemes, (read, scheme) => {
      const ev = evaluate(read, { scheme });
      for (const r of Object.values(ev.indicators)) {
        if (r.status === 'ok') {
          expect(r.value!.isFinite()).toBe(true);
          expect(twoDecimals(r.value!)).toBe(true);
          expect(r.value!.eq(r.exact!.toDecimalPlaces(2, Decimal.ROUND_HALF_UP))).toBe(true);
        } else if (r.status === 'not_applicable') {
          expect(r.value).toBeUndefined();
          expect(r.reason).toBeTruthy();
        } else {
          expect(r.value).toBeUndefined();
          expect(r.missing!.length).toBeGreaterThan(0);
        }
      }
    }),
    { numRuns: 300 },
  );
});

test('scores stay within [0, 分值], the total within [0, 100], the grade matches the displayed total', () => {
  fc.assert(
    fc.property(readings, schemes, manual, (read, scheme, entries) => {
      const ev = evaluate(read, { scheme, manual: entries });
      if (ev.blocked && ev.findings.some((f) => f.code === 'scheme-invalid')) return;
      for (const s of ev.items) {
        if (s.score === null) continue;
        expect(s.score.gte(0)).toBe(true);
        expect(s.score.lte(s.item.weight)).toBe(true);
        expect(twoDecimals(s.score)).toBe(true);
      }
      expect(ev.total.gte(0)).toBe(true);
      expect(ev.total.lte(100)).toBe(true);
      expect(twoDecimals(ev.total)).toBe(true);
      const shown = new Decimal(toEvaluationJson(ev).total);
      const expected = scheme.grades.find((g) => shown.gte(g.min))!.grade;
      expect(ev.grade).toBe(expected);
      expect(ev.provisional).toBe(ev.items.some((s) => !s.excluded && s.score === null));
    }),
    { numRuns: 300 },
  );
});

test('the same inputs give the same JSON, with no NaN, Infinity or undefined in it', () => {
  fc.assert(
    fc.property(readings, schemes, manual, (read, scheme, entries) => {
      const a = JSON.stringify(toEvaluationJson(evaluate(read, { scheme, manual: entries })));
      const b = JSON.stringify(toEvaluationJson(evaluate(read, { scheme, manual: entries })));
      expect(a).toBe(b);
      expect(a).not.toMatch(/NaN|Infinity|undefined|null分|e\+\d|e-\d/);
    }),
    { numRuns: 200 },
  );
});

test('blocked exactly when some finding is an error', () => {
  fc.assert(
    fc.property(readings, (read) => {
      const ev = evaluate(read, { scheme: getPreset('通用')! });
      expect(ev.blocked).toBe(ev.findings.some((f) => f.severity === 'error'));
    }),
    { numRuns: 200 },
  );
});
