/**
 * Reading one worksheet part as a stream (saxes over JSZip's inflating stream): only the cells asked
 * for are kept, so a sheet of any size costs memory in proportion to what we read, not to its data.
 */
import type JSZip from 'jszip';
import type { CellValue } from '../../engine/types';
import { columnNumber, parseCellAddress, parseRect, type Rect } from './reference';
import { attr, local, newParser, pumpPart, StopReading, streamPart, type Tag } from './xml';

/** A cell as stored: type, raw text of <v> (or the inline string), style index, formula flag. */
export interface RawCell {
  row: number;
  col: number;
  /** The `t` attribute: n (default), s, str, inlineStr, b, e, d. */
  type: string;
  raw?: string;
  style: number;
  formula: boolean;
}

export interface SheetRead {
  cells: RawCell[];
  merges: Rect[];
  protected: boolean;
  /** True as soon as one cell holds a value (or a formula). */
  hasValue: boolean;
}

export interface SheetQuery {
  /** Which cells to keep: a predicate over 1-based row and column. */
  keep?: (row: number, col: number) => boolean;
  /** Stop at the first cell holding a value (an emptiness probe). */
  untilValue?: boolean;
  /** Stop once a row beyond this one starts (a bounded top-left window; merges and protection are then unknown). */
  maxRow?: number;
  /** Neither cells nor values are wanted (only merges and protection): the cell data is skipped unparsed. */
  skipData?: boolean;
}

/** Read a worksheet part. */
export async function readSheet(zip: JSZip, part: string, q: SheetQuery): Promise<SheetRead> {
  const out: SheetRead = { cells: [], merges: [], protected: false, hasValue: false };
  let row = 0;
  let col = 0;
  let cell: RawCell | undefined;
  let inValue = false;
  let inInline = false;
  let inT = false;
  let text = '';
  const finishCell = () => {
    if (!cell) return;
    if (inlineOrValue(cell, text)) cell.raw = text;
    const holds = cell.formula || (cell.raw !== undefined && cell.raw !== '');
    if (holds) out.hasValue = true;
    if ((holds || cell.style) && (!q.keep || q.keep(cell.row, cell.col))) out.cells.push(cell);
    cell = undefined;
    if (holds && q.untilValue) throw new StopReading();
  };
  const handlers = {
    open(tag: Tag) {
      switch (local(tag.name)) {
        case 'row': {
          const r = attr(tag, 'r');
          row = r ? Number(r) : row + 1;
          col = 0;
          if (q.maxRow !== undefined && row > q.maxRow) throw new StopReading();
          break;
        }
        case 'c': {
          const ref = attr(tag, 'r');
          const at = ref ? parseCellAddress(ref) : null;
          if (at) {
            row = at.row;
            col = at.col;
          } else col += 1;
          cell = { row, col, type: attr(tag, 't') ?? 'n', style: Number(attr(tag, 's') ?? 0), formula: false };
          text = '';
          break;
        }
        case 'v':
          inValue = !!cell;
          break;
        case 'f':
          if (cell) cell.formula = true;
          break;
        case 'is':
          inInline = !!cell;
          break;
        case 't':
          inT = inInline;
          break;
        case 'rPh':
          // Phonetic runs are not part of the cell's text.
          inT = false;
          inInline = false;
          break;
        case 'mergeCell': {
          const rect = parseRect(attr(tag, 'ref') ?? '');
          if (rect) out.merges.push(rect);
          break;
        }
        case 'sheetProtection': {
          const sheet = attr(tag, 'sheet');
          out.protected = sheet === '1' || sheet === 'true';
          break;
        }
      }
    },
    text(t: string) {
      if (inValue || inT) text += t;
    },
    close(tag: Tag) {
      switch (local(tag.name)) {
        case 'c':
          finishCell();
          break;
        case 'v':
          inValue = false;
          break;
        case 't':
          inT = false;
          break;
        case 'is':
          inInline = false;
          break;
      }
    },
  };
  if (q.skipData) await skipSheetData(zip, part, handlers);
  else await streamPart(zip, part, handlers);
  return out;
}

function inlineOrValue(cell: RawCell, text: string): boolean {
  return text !== '' || cell.type === 'inlineStr' || cell.type === 'str';
}

const encoder = new TextEncoder();

/**
 * Stream a sheet part, but hand saxes only what lies outside <sheetData>: inside it the bytes are
 * searched for the element's end tag instead of parsed (hand-written because parsing hundreds of MB
 * of cells to reach the protection element after them is what made large workbooks slow). Inside
 * sheetData that end tag cannot occur as character data: `<` is always escaped there.
 */
function skipSheetData(zip: JSZip, part: string, h: Parameters<typeof newParser>[0]): Promise<void> {
  let skipping = false;
  let endTag: Uint8Array | undefined;
  const parser = newParser({
    ...h,
    open(tag, p) {
      if (local(tag.name) === 'sheetData' && !tag.isSelfClosing) {
        skipping = true;
        endTag = encoder.encode(`</${tag.name}>`);
      }
      h.open?.(tag, p);
    },
  });
  const decoder = new TextDecoder('utf-8');
  let carry = new Uint8Array(0);
  const feed = (bytes: Uint8Array) => {
    let chunk = bytes;
    while (chunk.length) {
      if (!skipping) {
        // Feed byte by byte until saxes reports <sheetData>: cheap, since that happens once.
        const idx = indexOf(chunk, encoder.encode('sheetData'));
        if (idx < 0) {
          parser.write(decoder.decode(chunk, { stream: true }));
          return;
        }
        const upTo = chunk.indexOf(0x3e, idx); // '>' closing the tag
        const cut = upTo < 0 ? chunk.length : upTo + 1;
        parser.write(decoder.decode(chunk.subarray(0, cut), { stream: true }));
        chunk = chunk.subarray(cut);
        continue;
      }
      // The end tag may straddle two chunks: look at the seam first, then inside the chunk.
      const tag = endTag!;
      if (carry.length) {
        const seam = concat(carry, chunk.subarray(0, tag.length - 1));
        const at = indexOf(seam, tag);
        carry = new Uint8Array(0);
        if (at >= 0) {
          skipping = false;
          feedText(seam.subarray(at));
          chunk = chunk.subarray(Math.min(chunk.length, tag.length - 1));
          continue;
        }
      }
      const at = indexOf(chunk, tag);
      if (at < 0) {
        carry = chunk.slice(Math.max(0, chunk.length - tag.length + 1));
        return;
      }
      skipping = false;
      chunk = chunk.subarray(at);
    }
  };
  const feedText = (bytes: Uint8Array) => parser.write(decoder.decode(bytes, { stream: true }));
  return pumpPart(zip, part, feed, () => parser.write(decoder.decode()).close());
}

/** Byte search: Node's native Buffer search where there is one, a plain loop in the browser. */
function indexOf(hay: Uint8Array, needle: Uint8Array): number {
  if (typeof Buffer !== 'undefined') return Buffer.from(hay.buffer, hay.byteOffset, hay.length).indexOf(needle);
  const first = needle[0];
  let i = hay.indexOf(first);
  while (i >= 0 && i <= hay.length - needle.length) {
    let j = 1;
    while (j < needle.length && hay[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
    i = hay.indexOf(first, i + 1);
  }
  return -1;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86400000;

/** A stored cell → host-neutral value (shared strings looked up by the caller's table). */
export function cellValue(c: RawCell, shared: (i: number) => string | undefined, date1904: boolean): CellValue {
  const raw = c.raw;
  switch (c.type) {
    case 's': {
      const s = raw === undefined ? undefined : shared(Number(raw));
      return s === undefined || s === '' ? null : s;
    }
    case 'inlineStr':
    case 'str':
      return raw === undefined || raw === '' ? null : raw;
    case 'b':
      return raw === undefined ? null : raw === '1' || raw === 'true';
    case 'e':
      return raw === undefined ? null : { error: raw };
    case 'd': {
      if (!raw) return null;
      const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`);
      if (Number.isNaN(t)) return null;
      const serial = (t - EXCEL_EPOCH) / DAY;
      return date1904 ? serial - 1462 : serial;
    }
    default: {
      if (raw === undefined || raw.trim() === '') return null;
      const n = Number(raw);
      return Number.isFinite(n) ? n : { error: '#NUM!' };
    }
  }
}

export { columnNumber };
