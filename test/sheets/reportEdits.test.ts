/**
 * reportEdits: what a re-run keeps of the clerk's report. A property test over random generations and
 * random clerk edits (change, insert, delete, fill a request, in any order), then unit cases.
 */
import fc from 'fast-check';
import { mergeReport, reconcile, staleFigures, type ReportRecord, type ReportRow } from '../../src/sheets/reportEdits';
import { readSettings, settingsSheet } from '../../src/sheets/settingsSheet';
import { layoutValues } from './grid';

/** A generation: row i says its figure; every third row is a request, which states no figure. */
function generation(figures: number[]): ReportRow[] {
  return figures.map((f, i) =>
    i % 3 === 2
      ? { key: `节/项${i}#1`, kind: 'paragraph', text: `　　（请补充：项${i}。）`, request: `项${i}` }
      : {
          key: `节#${i}`,
          kind: i === 0 ? 'title' : 'paragraph',
          text: `　　段落${i}：完成率${f}%，金额${f * 3}万元。`,
        },
  );
}

/** The record as the settings sheet stores it and reads it back. */
function stored(record: ReportRecord): ReportRecord {
  return readSettings(layoutValues(settingsSheet({ mapping: {}, report: record }, '绩效自评设置'))).report!;
}

type Op =
  | { kind: 'change'; at: number }
  | { kind: 'fill'; at: number }
  | { kind: 'insert'; at: number }
  | { kind: 'delete'; at: number };

const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('change', 'fill', 'insert', 'delete'),
  at: fc.nat(50),
}) as fc.Arbitrary<Op>;

interface Item {
  /** The key of the paragraph of ours it shows; undefined for an insertion. */
  origin?: string;
  text: string;
  clerk: boolean;
}

/** The clerk's edits on the sheet, as the model expects them to be kept. */
function edit(items: Item[], ops: Op[], requests: Set<string>): Item[] {
  const out = items.map((x) => ({ ...x }));
  let n = 0;
  const typed = () => `　　您写的第${++n}段，含数字${n}%与12.5万元。`;
  for (const o of ops) {
    if (o.kind === 'insert') {
      out.splice(o.at % (out.length + 1), 0, { text: typed(), clerk: true });
      continue;
    }
    if (!out.length) continue;
    if (o.kind === 'delete') out.splice(o.at % out.length, 1);
    else if (o.kind === 'change') out[o.at % out.length] = { ...out[o.at % out.length], text: typed(), clerk: true };
    else {
      const open = out.filter((x) => !x.clerk && x.origin && requests.has(x.origin));
      if (open.length) Object.assign(open[o.at % open.length], { text: typed(), clerk: true });
    }
  }
  return out;
}

function expected(items: Item[], fresh: ReportRow[]): { text: string; kept: boolean }[] {
  const byKey = new Map(fresh.map((r) => [r.key, r.text]));
  return items.map((x) => ({ text: x.clerk ? x.text : byKey.get(x.origin!)!, kept: x.clerk }));
}

const shown = (m: ReturnType<typeof mergeReport>) => m.rows.map((r) => ({ text: r.text, kept: r.kept }));

test('two runs with random clerk edits: exactly the edits are kept, nothing lost, nothing deleted comes back', () => {
  fc.assert(
    fc.property(
      fc
        .integer({ min: 1, max: 12 })
        .chain((n) =>
          fc.tuple(
            fc.array(fc.integer({ min: 0, max: 200 }), { minLength: n, maxLength: n }),
            fc.array(fc.integer({ min: 0, max: 200 }), { minLength: n, maxLength: n }),
            fc.array(fc.integer({ min: 0, max: 200 }), { minLength: n, maxLength: n }),
          ),
        ),
      fc.array(op, { maxLength: 12 }),
      ([f1, f2, f3], ops) => {
        const gen1 = generation(f1);
        const gen2 = generation(f2);
        const gen3 = generation(f3);
        const requests = new Set(gen1.filter((r) => r.request).map((r) => r.key));
        const first = mergeReport(gen1, undefined, undefined);
        expect(shown(first)).toEqual(gen1.map((r) => ({ text: r.text, kept: false })));

        const items = edit(
          first.rows.map((r) => ({ origin: r.key, text: r.text, clerk: false })),
          ops,
          requests,
        );
        const sheet2 = items.map((x) => x.text);
        // A report sheet left empty is what an interrupted write leaves: it is restored from the record.
        fc.pre(sheet2.length > 0);
        const second = mergeReport(gen2, stored(first.record), sheet2);
        expect(shown(second)).toEqual(expected(items, gen2));

        // The write of run 2 interrupted: the settings sheet (written first) holds second.record and
        // the report is still the clerk's sheet, or was left cleared. A re-run gives the same report.
        expect(shown(mergeReport(gen2, stored(second.record), sheet2))).toEqual(shown(second));
        expect(shown(mergeReport(gen2, stored(second.record), []))).toEqual(shown(second));

        // A third run with new figures and no new edits: the same paragraphs kept, the rest regenerated.
        const third = mergeReport(
          gen3,
          stored(second.record),
          second.rows.map((r) => r.text),
        );
        expect(shown(third)).toEqual(expected(items, gen3));
      },
    ),
    { numRuns: 300 },
  );
});

describe('reconcile', () => {
  const entries = [
    { key: 'a', generated: 'A1' },
    { key: 'b', generated: 'B1' },
    { key: 'c', generated: 'C1' },
  ];

  it('reads a changed row as kept, an unknown row as inserted after the one before it, a missing one as deleted', () => {
    const four = [...entries, { key: 'd', generated: 'D1' }];
    expect(reconcile(four, ['新段', 'A1', 'B-clerk', 'C1'])).toEqual([
      { key: '', generated: '', kept: '新段' },
      { key: 'a', generated: 'A1' },
      { key: 'b', generated: 'B1', kept: 'B-clerk', base: 'B1' },
      { key: 'c', generated: 'C1' },
      { key: 'd', generated: 'D1', deleted: true },
    ]);
  });

  it('treats whitespace at the ends as no edit, and a row reverted to our text as ours again', () => {
    const kept = [{ key: 'a', generated: 'A1', kept: 'mine', base: 'A0' }];
    expect(reconcile(kept, ['  A1 '])).toEqual([{ key: 'a', generated: 'A1' }]);
  });

  it('takes the record as it is when the sheet is empty or gone', () => {
    const record = [
      { key: 'a', generated: 'A1', kept: 'mine', base: 'A0' },
      { key: 'b', generated: 'B1', deleted: true },
    ];
    expect(reconcile(record, [])).toEqual(record);
    expect(reconcile(record, undefined)).toEqual(record);
  });
});

describe('mergeReport', () => {
  const rows = (figure: string): ReportRow[] => [
    { key: 't', kind: 'title', text: '报告' },
    { key: 'p', kind: 'paragraph', text: `预算完成率${figure}。` },
    { key: 'r', kind: 'paragraph', text: '（请补充：经济效益。）', request: '经济效益' },
  ];

  it('keeps a filled request by its text name, also when the sheet is gone and the key changed', () => {
    const first = mergeReport(rows('100%'), undefined, undefined);
    const filled = mergeReport(rows('100%'), first.record, ['报告', '预算完成率100%。', '我们的效益。']);
    expect(filled.record.filled).toEqual({ 经济效益: '我们的效益。' });
    const moved = rows('97.39%').map((r) => (r.key === 'r' ? { ...r, key: 'r-new' } : r));
    const again = mergeReport(moved, { entries: [], filled: filled.record.filled }, undefined);
    expect(again.rows.map((r) => r.text)).toEqual(['报告', '预算完成率97.39%。', '我们的效益。']);
  });

  it('flags the figures we changed that the clerk still states, with the cell row', () => {
    const first = mergeReport(rows('100%'), undefined, undefined);
    const merged = mergeReport(rows('97.39%'), first.record, [
      '报告',
      '预算完成率100%。资金按批复执行。',
      '（请补充：经济效益。）',
    ]);
    expect(merged.stale).toEqual([{ row: 1, was: '100%', now: '97.39%' }]);
    // Still flagged on the next run while the clerk's text states the old figure.
    const next = mergeReport(
      rows('97.39%'),
      merged.record,
      merged.rows.map((r) => r.text),
    );
    expect(next.stale).toEqual([{ row: 1, was: '100%', now: '97.39%' }]);
  });

  it('lists the paragraphs of a report it has no record of', () => {
    expect(mergeReport(rows('1%'), undefined, ['报告', '旧的段落']).replaced).toEqual(['旧的段落']);
  });
});

describe('staleFigures', () => {
  it('pairs figures by unit and order and ignores a figure inside a longer number', () => {
    expect(
      staleFigures('完成率100%，支出31.9万元', '完成率97.39%，支出30万元', '完成率100%，支出31.9万元，另1100%'),
    ).toEqual([
      { was: '100%', now: '97.39%' },
      { was: '31.9万元', now: '30万元' },
    ]);
    expect(staleFigures('完成率100%', '完成率97.39%', '完成率97.39%')).toEqual([]);
    expect(staleFigures('完成率100%', '完成率97.39%', '完成率1100%')).toEqual([]);
  });
});
