/**
 * styles.xml, writing side: the formats, fonts, fills, borders and cell formats our sheets need are
 * appended after the clerk's (whose indices never change).
 */
import type { Document, Element } from '@xmldom/xmldom';
import type { CellStyle } from '../../sheets/layout';
import { child, children, createLike, parseDom, serializeDom } from './dom';
import { BUILT_IN_FORMATS } from './styles';
import { local } from './xml';

/** What one of our cells looks like: a style plus a number format. */
export interface CellLook {
  style?: CellStyle;
  format?: string;
}

const FONT_NAME = '宋体';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A minimal styles.xml for a new package (the template): Excel requires the default entries. */
export const EMPTY_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="2"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

function argb(color: string): string {
  return `FF${color.replace(/^#/, '').toUpperCase()}`;
}

function fontXml(s: CellStyle): string {
  return (
    '<font>' +
    (s.bold ? '<b/>' : '') +
    `<sz val="${s.size ?? 11}"/>` +
    (s.color ? `<color rgb="${argb(s.color)}"/>` : '') +
    `<name val="${FONT_NAME}"/><family val="2"/><charset val="134"/></font>`
  );
}

function fillXml(fill: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${argb(fill)}"/><bgColor indexed="64"/></patternFill></fill>`;
}

const BORDER_XML =
  '<border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right>' +
  '<top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border>';

const VERTICAL = { top: 'top', middle: 'center', bottom: 'bottom' } as const;

/** Schema order of the styleSheet's children. */
const STYLE_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs'];

/**
 * Appends entries to a clerk's styles.xml. Equal looks share one xf; an existing identical element
 * (from an earlier run of ours, or the clerk's own) is reused, so re-runs do not grow the part.
 */
export class StyleAppender {
  private readonly doc: Document;
  private readonly root: Element;
  private readonly xfByKey = new Map<string, number>();
  private changed = false;

  constructor(xml: string) {
    this.doc = parseDom(xml);
    this.root = this.doc.documentElement!;
  }

  private section(name: string): Element {
    let el = child(this.root, name);
    if (!el) {
      el = createLike(this.root, name);
      const later = children(this.root).find((c) => STYLE_ORDER.indexOf(local(c.nodeName)) > STYLE_ORDER.indexOf(name));
      this.root.insertBefore(el, later ?? null);
    }
    return el;
  }

  /** Normalised XML of each entry of a section, computed once. */
  private readonly keys = new Map<string, string[]>();

  /** Entries appended to a section but not yet in the document: parsed together, once, by flush(). */
  private readonly pending = new Map<string, string[]>();

  /** Index of an element equal to `xml` in the section, appended when absent. */
  private entry(section: string, xml: string, item: string): number {
    let keys = this.keys.get(section);
    if (!keys) {
      keys = children(this.section(section), item).map((e) => normalise(serializeOuter(e)));
      this.keys.set(section, keys);
    }
    const wanted = normalise(xml);
    const found = keys.indexOf(wanted);
    if (found >= 0) return found;
    keys.push(wanted);
    this.pending.set(section, [...(this.pending.get(section) ?? []), xml]);
    this.changed = true;
    return keys.length - 1;
  }

  /** Put the pending entries into the document, one parse per section. */
  private flush(): void {
    for (const [section, xmls] of this.pending) {
      const el = this.section(section);
      for (const node of importFragments(this.doc, el, xmls.join(''))) el.appendChild(node);
      el.setAttribute('count', String(this.keys.get(section)!.length));
    }
    this.pending.clear();
  }

  private numFmtId(code: string): number {
    for (const [id, f] of Object.entries(BUILT_IN_FORMATS)) if (f === code) return Number(id);
    const el = this.section('numFmts');
    const fmts = children(el, 'numFmt');
    const hit = fmts.find((f) => f.getAttribute('formatCode') === code);
    if (hit) return Number(hit.getAttribute('numFmtId'));
    const id = Math.max(163, ...fmts.map((f) => Number(f.getAttribute('numFmtId')))) + 1;
    const node = createLike(el, 'numFmt');
    node.setAttribute('numFmtId', String(id));
    node.setAttribute('formatCode', code);
    el.appendChild(node);
    el.setAttribute('count', String(fmts.length + 1));
    this.changed = true;
    return id;
  }

  /** The cellXfs index for a look of ours. */
  xf(look: CellLook): number {
    const s = look.style ?? {};
    const key = JSON.stringify([s, look.format ?? '']);
    const known = this.xfByKey.get(key);
    if (known !== undefined) return known;
    const fontId = this.entry('fonts', fontXml(s), 'font');
    const fillId = s.fill ? this.entry('fills', fillXml(s.fill), 'fill') : 0;
    const borderId = s.border ? this.entry('borders', BORDER_XML, 'border') : 0;
    const numFmtId = look.format ? this.numFmtId(look.format) : 0;
    const align =
      s.horizontal || s.vertical || s.wrap
        ? '<alignment' +
          (s.horizontal ? ` horizontal="${s.horizontal}"` : '') +
          (s.vertical ? ` vertical="${VERTICAL[s.vertical]}"` : '') +
          (s.wrap ? ' wrapText="1"' : '') +
          '/>'
        : '';
    const protection = s.unlocked ? '<protection locked="0"/>' : '';
    const xml =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      (numFmtId ? ' applyNumberFormat="1"' : '') +
      ' applyFont="1"' +
      (fillId ? ' applyFill="1"' : '') +
      (borderId ? ' applyBorder="1"' : '') +
      (align ? ' applyAlignment="1"' : '') +
      (protection ? ' applyProtection="1"' : '') +
      (align || protection ? `>${align}${protection}</xf>` : '/>');
    const id = this.entry('cellXfs', xml, 'xf');
    this.xfByKey.set(key, id);
    return id;
  }

  /** A copy of the clerk's cell format `base` with another number format (for a named output). */
  withFormat(base: number, format: string): number {
    this.flush();
    const el = this.section('cellXfs');
    const xfs = children(el, 'xf');
    const source = xfs[base] ?? xfs[0];
    const copy = source.cloneNode(true) as Element;
    copy.setAttribute('numFmtId', String(this.numFmtId(format)));
    copy.setAttribute('applyNumberFormat', '1');
    return this.entry('cellXfs', serializeOuter(copy), 'xf');
  }

  get modified(): boolean {
    return this.changed;
  }

  toString(): string {
    this.flush();
    return serializeDom(this.doc);
  }
}

function serializeOuter(el: Element): string {
  return serializeDom(el as unknown as Document);
}

/** Compare elements ignoring namespace declarations and prefixes. */
function normalise(xml: string): string {
  return xml.replace(/\s+xmlns(:\w+)?="[^"]*"/g, '').replace(/<(\/?)\w+:/g, '<$1');
}

/** Elements of `xml` (one or more, in the parent's namespace and prefix) imported into `doc`. */
function importFragments(doc: Document, parent: Element, xml: string): Element[] {
  const ns = parent.namespaceURI ?? MAIN_NS;
  const prefix = parent.prefix;
  const wrapped = parseDom(
    `<w xmlns${prefix ? `:${prefix}` : ''}="${ns}">${prefix ? addPrefix(xml, prefix) : xml}</w>`,
  );
  return children(wrapped.documentElement!).map((e) => doc.importNode(e, true) as Element);
}

function addPrefix(xml: string, prefix: string): string {
  return xml.replace(/<(\/?)(\w+)/g, `<$1${prefix}:$2`);
}
