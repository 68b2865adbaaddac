/**
 * A clerk's sheet part, looked at and edited so that every other byte is kept: a value written into a
 * named cell (saxes reports where each element starts and ends; the text is spliced there — a parse
 * and re-serialise would rewrite the whole part), and whether the sheet is a selected tab.
 */
import type JSZip from 'jszip';
import { columnLetters, parseCellAddress, parseRect, type Rect } from './reference';
import { attr, local, newParser, StopReading, streamPart, type Tag } from './xml';

interface Span {
  start: number;
  /** End of the opening tag (after `>`). */
  openEnd: number;
  /** After the closing tag. */
  end: number;
  selfClosing: boolean;
  qname: string;
}

interface RowSpan extends Span {
  row: number;
  cells: (Span & { col: number; style: number })[];
}

interface SheetMap {
  sheetData?: Span;
  rows: RowSpan[];
  merges: Rect[];
}

function mapSheet(xml: string): SheetMap {
  const map: SheetMap = { rows: [], merges: [] };
  const stack: (Span & { kind: string })[] = [];
  let row = 0;
  let col = 0;
  let tagStart = 0;
  const parser = newParser({
    open(tag: Tag, p) {
      const name = local(tag.name);
      const span = { start: tagStart, openEnd: p.position, end: -1, selfClosing: tag.isSelfClosing, qname: tag.name };
      if (name === 'sheetData') {
        map.sheetData = span;
        stack.push({ ...span, kind: name });
      } else if (name === 'row') {
        const r = (tag.attributes as Record<string, string>).r;
        row = r ? Number(r) : row + 1;
        col = 0;
        map.rows.push({ ...span, row, cells: [] });
        stack.push({ ...span, kind: name });
      } else if (name === 'c' && map.rows.length) {
        const a = tag.attributes as Record<string, string>;
        const at = a.r ? parseCellAddress(a.r) : null;
        col = at ? at.col : col + 1;
        map.rows[map.rows.length - 1].cells.push({ ...span, col, style: Number(a.s ?? 0) });
        stack.push({ ...span, kind: name });
      } else if (name === 'mergeCell') {
        const rect = parseRect((tag.attributes as Record<string, string>).ref ?? '');
        if (rect) map.merges.push(rect);
      }
    },
    close(tag: Tag, p) {
      const name = local(tag.name);
      if (name !== 'sheetData' && name !== 'row' && name !== 'c') return;
      const top = stack.pop();
      if (!top) return;
      const end = p.position;
      if (name === 'sheetData') map.sheetData!.end = end;
      else if (name === 'row') map.rows[map.rows.length - 1].end = end;
      else {
        const cells = map.rows[map.rows.length - 1].cells;
        cells[cells.length - 1].end = end;
      }
    },
  });
  parser.on('opentagstart', () => {
    tagStart = xml.lastIndexOf('<', parser.position - 1);
  });
  parser.write(xml).close();
  return map;
}

export interface CellWrite {
  row: number;
  col: number;
  /** The cell's XML, given the style index the cell has now (0 when new) and where it lands. */
  render(currentStyle: number, prefix: string, ref: string): string;
}

function refOf(c: { row: number; col: number }): string {
  return `${columnLetters(c.col)}${c.row}`;
}

function prefixOf(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? '' : qname.slice(0, i + 1);
}

/** Write cells into a sheet part; a cell covered by a merge is written to the merge's top-left cell. */
export function writeCells(xml: string, writes: CellWrite[]): string {
  const map = mapSheet(xml);
  if (!map.sheetData) throw new Error('sheet part has no <sheetData>');
  const prefix = prefixOf(map.sheetData.qname);
  const edits: { at: number; remove: number; text: string }[] = [];
  const byCell = new Map<string, CellWrite>();
  for (const w of writes) {
    const m = map.merges.find((r) => w.row >= r.top && w.row <= r.bottom && w.col >= r.left && w.col <= r.right);
    const row = m ? m.top : w.row;
    const col = m ? m.left : w.col;
    byCell.set(`${row}:${col}`, { ...w, row, col });
  }
  const rowsWanted = new Map<number, CellWrite[]>();
  for (const w of byCell.values()) rowsWanted.set(w.row, [...(rowsWanted.get(w.row) ?? []), w]);
  for (const [r, cells] of rowsWanted) {
    cells.sort((a, b) => a.col - b.col);
    const row = map.rows.find((x) => x.row === r);
    if (!row) {
      const text = `<${prefix}row r="${r}">${cells.map((c) => c.render(0, prefix, refOf(c))).join('')}</${prefix}row>`;
      const next = map.rows.find((x) => x.row > r);
      if (next) edits.push({ at: next.start, remove: 0, text });
      else if (map.sheetData.selfClosing)
        edits.push({
          at: map.sheetData.start,
          remove: map.sheetData.end - map.sheetData.start,
          text: `<${map.sheetData.qname}>${text}</${map.sheetData.qname}>`,
        });
      else edits.push({ at: map.sheetData.end - `</${map.sheetData.qname}>`.length, remove: 0, text });
      continue;
    }
    for (const c of cells) {
      const existing = row.cells.find((x) => x.col === c.col);
      if (existing) {
        edits.push({
          at: existing.start,
          remove: existing.end - existing.start,
          text: c.render(existing.style, prefix, refOf(c)),
        });
        continue;
      }
      const text = c.render(0, prefix, refOf(c));
      const next = row.cells.find((x) => x.col > c.col);
      if (next) edits.push({ at: next.start, remove: 0, text });
      else if (row.selfClosing) edits.push({ at: row.end - 2, remove: 2, text: `>${text}</${row.qname}>` });
      else edits.push({ at: row.end - `</${row.qname}>`.length, remove: 0, text });
    }
  }
  edits.sort((a, b) => b.at - a.at);
  let out = xml;
  for (const e of edits) out = out.slice(0, e.at) + e.text + out.slice(e.at + e.remove);
  return out;
}

/**
 * Whether a sheet part is a selected tab (a sheetView with `tabSelected`); reading stops at
 * <sheetData>, so a sheet of any size costs nothing here.
 */
export async function isSelectedSheet(zip: JSZip, part: string): Promise<boolean> {
  let selected = false;
  await streamPart(zip, part, {
    open(tag: Tag) {
      const name = local(tag.name);
      if (name === 'sheetData') throw new StopReading();
      if (name !== 'sheetView') return;
      const v = attr(tag, 'tabSelected');
      if (v !== '1' && v !== 'true') return;
      selected = true;
      throw new StopReading();
    },
  });
  return selected;
}
