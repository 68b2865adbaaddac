/**
 * Keeping the clerk's words in our 自评报告 across re-runs (issue 10). What is compared is the text we
 * generated under each paragraph key (ReportParagraph.key): the hidden settings sheet keeps, per key,
 * what we wrote last time, and the sheet as the clerk left it is aligned with that record:
 *   - a row still showing our text is regenerated with the new figures;
 *   - a row whose text differs (a changed paragraph, a filled （请补充：…）) is kept verbatim in its place;
 *   - a row matching no paragraph of ours is the clerk's insertion, kept after the paragraph it followed;
 *   - a paragraph of ours missing from the sheet was deleted and stays deleted.
 * The record is written (in the settings sheet) before the report sheet, so a write interrupted at any
 * point leaves either the old sheet, an empty one, or the new one — and the record explains each.
 * Host-free: plain data in, plain data out.
 */
import type { ParagraphKind, ReportParagraph } from '../engine/narrative';

/** One row of the report as we generate it: a paragraph (or one piece of a long one) under its key. */
export interface ReportRow {
  key: string;
  kind: ParagraphKind;
  /** The cell text exactly as we write it (with the indent). */
  text: string;
  /** The clerk text a （请补充：…） row asks for. */
  request?: string;
}

/** One row of the report as the last run left it, or a paragraph of ours the clerk deleted. */
export interface RecordEntry {
  /** The key of the paragraph of ours; '' for a paragraph the clerk inserted. */
  key: string;
  /** What we generated under the key in that run; '' for an inserted paragraph. */
  generated: string;
  /** What we had generated the run before, when different: an interrupted write may have left it on the sheet. */
  previous?: string;
  /** The clerk's text, shown instead of ours (a changed or filled paragraph, or an inserted one). */
  kept?: string;
  /** What we had generated when the clerk changed the paragraph: its figures are checked against ours now. */
  base?: string;
  /** The clerk deleted the paragraph: it is not written again. */
  deleted?: boolean;
  /** New in that run (no paragraph of the key before): a sheet the write did not reach yet never showed it. */
  added?: boolean;
}

export interface ReportRecord {
  entries: RecordEntry[];
  /** Requests (（请补充：…）) the clerk filled in the report, by text name: used wherever that request appears. */
  filled: Record<string, string>;
}

/** A row of the merged report, in sheet order. */
export interface MergedRow {
  kind: ParagraphKind;
  /** The exact cell text: ours, or the clerk's verbatim. */
  text: string;
  /** True when the text is the clerk's. */
  kept: boolean;
  key?: string;
}

/** A figure of a kept paragraph that we now state differently. */
export interface StaleFigure {
  /** Index into MergedReport.rows. */
  row: number;
  was: string;
  now: string;
}

export interface MergedReport {
  rows: MergedRow[];
  /** The record to store for the next run (the settings sheet). */
  record: ReportRecord;
  stale: StaleFigure[];
  /** Paragraphs of a report we have no record of (a workbook filled by an older version) that are replaced. */
  replaced: string[];
}

/** Whitespace at the ends and line-break style do not make an edit. */
function norm(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/** The report's paragraphs as rows: pieces of a split paragraph get `~2`, `~3` … after their key. */
export function reportRows(paragraphs: ReportParagraph[], shown: (p: ReportParagraph) => string): ReportRow[] {
  const seen = new Map<string, number>();
  return paragraphs.map((p, i) => {
    const base = p.key ?? `#${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const row: ReportRow = { key: n === 1 ? base : `${base}~${n}`, kind: p.kind, text: shown(p) };
    if (p.request) row.request = p.request;
    return row;
  });
}

/** What the sheet shows for an entry (undefined for a deleted one). */
function shownText(e: RecordEntry): string | undefined {
  return e.deleted ? undefined : (e.kept ?? e.generated);
}

/** Longest common subsequence of a and b under `same`, as index pairs in order. */
function lcs<A, B>(a: A[], b: B[], same: (x: A, y: B) => boolean): [number, number][] {
  const n = a.length;
  const m = b.length;
  const table = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      table[i][j] = same(a[i], b[j]) ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m;) {
    if (same(a[i], b[j])) pairs.push([i++, j++]);
    else if (table[i + 1][j] >= table[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

/**
 * The record brought up to the sheet as the clerk left it. `sheet` is the report's paragraphs in
 * order; undefined or empty (the sheet was deleted, or an interrupted write left it cleared) means
 * the record itself is the clerk's state.
 */
export function reconcile(entries: RecordEntry[], sheet: string[] | undefined): RecordEntry[] {
  if (!sheet || !sheet.length) return entries.map((e) => ({ ...e }));
  const texts = sheet.map(norm);
  // The sheet is the report the last write left (`now`), or — when that write was interrupted before
  // it reached the report — the one before it (`before`): what the sheet showed when the record was
  // made, without the paragraphs new in that run. The reading that explains the sheet better wins.
  const now = entries.map((e, i) => ({ e, i, text: norm(shownText(e) ?? '') })).filter(({ e }) => !e.deleted);
  const before = entries
    .map((e, i) => ({ e, i, text: norm(e.kept ?? e.previous ?? e.generated) }))
    .filter(({ e }) => !e.deleted && !e.added);
  const same = (x: { e: RecordEntry; text: string }, t: string) =>
    x.text === t || (!x.e.kept && x.e.previous !== undefined && norm(x.e.previous) === t);
  const pairsNow = lcs(now, texts, same);
  const pairsBefore = lcs(before, texts, same);
  // The edits each reading implies (a gap of d paragraphs and i rows is max(d, i) edits: changes, then
  // deletions or insertions); the reading with fewer wins, a tie reads the sheet as the last write's.
  const edits = (rows: number, pairs: [number, number][]) => {
    let total = 0;
    let [pl, ps] = [-1, -1];
    for (const [l, t] of [...pairs, [rows, texts.length]]) {
      total += Math.max(l - pl - 1, t - ps - 1);
      [pl, ps] = [l, t];
    }
    return total;
  };
  // A first run's record (everything new) has no earlier sheet to read against.
  const [live, pairs] =
    before.length > 0 && edits(before.length, pairsBefore) < edits(now.length, pairsNow)
      ? [before, pairsBefore]
      : [now, pairsNow];
  const outcome = new Map<number, RecordEntry | null>();
  /** Entries the clerk inserted, by the index of the entry they follow (-1: at the start). */
  const after = new Map<number, RecordEntry[]>();
  const insert = (anchor: number, text: string) =>
    after.set(anchor, [...(after.get(anchor) ?? []), { key: '', generated: '', kept: text }]);
  let prevLive = -1;
  let prevSheet = -1;
  for (const [li, si] of [...pairs, [live.length, texts.length] as [number, number]]) {
    const gapLive = live.slice(prevLive + 1, li);
    const gapSheet = sheet.slice(prevSheet + 1, si);
    const k = Math.min(gapLive.length, gapSheet.length);
    let anchor = prevLive >= 0 ? live[prevLive].i : -1;
    for (let x = 0; x < k; x++) {
      const { e, i } = gapLive[x];
      const text = gapSheet[x];
      if (!e.key) outcome.set(i, { ...e, kept: text });
      else if (norm(text) === norm(e.generated)) outcome.set(i, { ...e, kept: undefined, base: undefined });
      else outcome.set(i, { ...e, kept: text, base: e.kept !== undefined ? (e.base ?? e.generated) : e.generated });
      anchor = i;
    }
    for (const text of gapSheet.slice(k)) insert(anchor, text);
    for (const { e, i } of gapLive.slice(k)) outcome.set(i, e.key ? { ...e, deleted: true } : null);
    if (li < live.length) {
      // Unchanged (a row of ours may still show what we generated the run before: it is still ours).
      outcome.set(live[li].i, { ...live[li].e });
    }
    prevLive = li;
    prevSheet = si;
  }
  const out: RecordEntry[] = [...(after.get(-1) ?? [])];
  entries.forEach((e, i) => {
    const o = outcome.has(i) ? outcome.get(i) : { ...e };
    if (o) out.push(clean(o));
    out.push(...(after.get(i) ?? []));
  });
  return out;
}

function clean(e: RecordEntry): RecordEntry {
  const out: RecordEntry = { key: e.key, generated: e.generated };
  if (e.previous !== undefined) out.previous = e.previous;
  if (e.kept !== undefined) out.kept = e.kept;
  if (e.base !== undefined) out.base = e.base;
  if (e.deleted) out.deleted = true;
  if (e.added) out.added = true;
  return out;
}

/**
 * The report of this run: `fresh` (what we generate now) with the clerk's state applied. Without a
 * record (a first run, or a workbook filled by an older version) the report is `fresh`, and the
 * paragraphs of `sheet` it replaces are listed.
 */
export function mergeReport(
  fresh: ReportRow[],
  previous: ReportRecord | undefined,
  sheet: string[] | undefined,
): MergedReport {
  if (!previous) {
    const ours = new Set(fresh.map((r) => norm(r.text)));
    return {
      rows: fresh.map((r) => ({ kind: r.kind, text: r.text, kept: false, key: r.key })),
      record: { entries: fresh.map((r) => ({ key: r.key, generated: r.text })), filled: {} },
      stale: [],
      replaced: (sheet ?? []).filter((t) => !ours.has(norm(t))),
    };
  }
  const clerk = reconcile(previous.entries, sheet);
  const freshKeys = new Set(fresh.map((r) => r.key));
  const byKey = new Map(clerk.filter((e) => e.key).map((e) => [e.key, e]));
  // The clerk's paragraphs that do not belong to a key of this run follow the nearest key before them.
  // A filled request whose key changed appears where the request is now, not also as an orphan.
  const filled = { ...previous.filled };
  const atRequests = new Set(
    fresh.flatMap((r) => (r.request && filled[r.request] !== undefined ? [norm(filled[r.request])] : [])),
  );
  const after = new Map<string, RecordEntry[]>();
  let anchor = '';
  for (const e of clerk) {
    if (e.key && freshKeys.has(e.key)) anchor = e.key;
    else if (!e.deleted && e.kept !== undefined && !(e.key && atRequests.has(norm(e.kept))))
      after.set(anchor, [...(after.get(anchor) ?? []), { key: '', generated: '', kept: e.kept }]);
  }
  const rows: MergedRow[] = [];
  const entries: RecordEntry[] = [];
  const stale: StaleFigure[] = [];
  const emitInserted = (key: string) => {
    for (const e of after.get(key) ?? []) {
      entries.push(e);
      rows.push({ kind: 'paragraph', text: e.kept!, kept: true });
    }
  };
  emitInserted('');
  for (const r of fresh) {
    const old = byKey.get(r.key);
    const entry: RecordEntry = { key: r.key, generated: r.text };
    if (!old) entry.added = true;
    else if (old.generated !== r.text) entry.previous = old.generated;
    if (old?.deleted) {
      entry.deleted = true;
      if (r.request) delete filled[r.request];
    } else {
      const kept = old?.kept ?? (r.request ? filled[r.request] : undefined);
      if (kept !== undefined) {
        entry.kept = kept;
        entry.base = old?.kept !== undefined ? (old.base ?? old.generated) : r.text;
        if (r.request) filled[r.request] = kept;
        for (const f of staleFigures(entry.base, r.text, kept)) stale.push({ row: rows.length, ...f });
        rows.push({ kind: r.kind, text: kept, kept: true, key: r.key });
      } else {
        rows.push({ kind: r.kind, text: r.text, kept: false, key: r.key });
      }
    }
    entries.push(entry);
    emitInserted(r.key);
  }
  return { rows, record: { entries, filled }, stale, replaced: [] };
}

// ---------------------------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------------------------

/** A figure as the report states it: a number with its unit (percentages, 万元, counts, years, points). */
const FIGURE = /(?<![\d.])\d[\d,]*(?:\.\d+)?(?:%|个百分点|万元|亿元|元|人|项|个|分|年|件|次|户|家)/g;

/** The figures of a text, grouped by unit, in order. */
function figuresOf(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of text.matchAll(FIGURE)) {
    const unit = m[0].replace(/^[\d,.]+/, '');
    out.set(unit, [...(out.get(unit) ?? []), m[0]]);
  }
  return out;
}

/** True when `text` states `figure` (not as part of a longer number). */
function states(text: string, figure: string): boolean {
  for (let at = text.indexOf(figure); at >= 0; at = text.indexOf(figure, at + 1)) {
    if (!/[\d.]/.test(text[at - 1] ?? '')) return true;
  }
  return false;
}

/**
 * The figures we had written in a paragraph (`was`, our text when the clerk changed it) that we state
 * differently now (`now`, our text this run) and that the clerk's text still states. Figures pair up
 * by unit and order.
 */
export function staleFigures(was: string, now: string, clerk: string): { was: string; now: string }[] {
  if (was === now) return [];
  const before = figuresOf(was);
  const after = figuresOf(now);
  const out: { was: string; now: string }[] = [];
  for (const [unit, olds] of before) {
    const news = after.get(unit) ?? [];
    olds.slice(0, news.length).forEach((old, i) => {
      if (old !== news[i] && states(clerk, old) && !out.some((o) => o.was === old))
        out.push({ was: old, now: news[i] });
    });
  }
  return out;
}
