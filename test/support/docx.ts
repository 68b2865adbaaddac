/**
 * Reading a produced .docx the way Word does (jszip + @xmldom/xmldom), and the checks of the official
 * format (GB/T 9704, issue 14 item 2) that the unit, CLI and browser tests share.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface RunInfo {
  text: string;
  eastAsia?: string;
  ascii?: string;
  hAnsi?: string;
  /** Half-points. */
  size?: number;
  bold: boolean;
  /** Character spacing in twips. */
  spacing?: number;
}

export interface ParagraphInfo {
  text: string;
  align?: string;
  indent: Record<string, number>;
  spacing: Record<string, string>;
  runs: RunInfo[];
}

export interface SectionInfo {
  width: number;
  height: number;
  orient?: string;
  margin: Record<string, number>;
  paragraphs: ParagraphInfo[];
  /** Each table as rows of cell texts (merged continuation cells are empty). */
  tables: string[][][];
  tableWidths: number[];
  footerIds: Record<string, string>;
}

export interface DocxInfo {
  files: string[];
  sections: SectionInfo[];
  /** Footer part path → its XML. */
  footers: Record<string, string>;
  settings: string;
  fontTable: string;
}

function children(el: Element, local: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (n as Element).localName === local && (n as Element).namespaceURI === W)
      out.push(n as Element);
  return out;
}

function child(el: Element | undefined, local: string): Element | undefined {
  return el ? children(el, local)[0] : undefined;
}

function attr(el: Element | undefined, name: string): string | undefined {
  const v = el?.getAttributeNS(W, name);
  return v === null || v === undefined || v === '' ? undefined : v;
}

function num(el: Element | undefined, name: string): number | undefined {
  const v = attr(el, name);
  return v === undefined ? undefined : Number(v);
}

function textOf(el: Element): string {
  let s = '';
  const walk = (e: Element) => {
    for (let n = e.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const c = n as Element;
      if (c.localName === 't') s += c.textContent ?? '';
      else if (c.localName === 'br') s += '\n';
      else if (c.localName === 'tab') s += '\t';
      else walk(c);
    }
  };
  walk(el);
  return s;
}

function paragraph(p: Element): ParagraphInfo {
  const pPr = child(p, 'pPr');
  const ind = child(pPr, 'ind');
  const indent: Record<string, number> = {};
  for (const k of ['firstLine', 'firstLineChars', 'left', 'right', 'start', 'end', 'hanging']) {
    const v = num(ind, k);
    if (v !== undefined) indent[k] = v;
  }
  const sp = child(pPr, 'spacing');
  const spacing: Record<string, string> = {};
  for (const k of ['line', 'lineRule', 'before', 'after']) {
    const v = attr(sp, k);
    if (v !== undefined) spacing[k] = v;
  }
  const runs = children(p, 'r').map((r): RunInfo => {
    const rPr = child(r, 'rPr');
    const fonts = child(rPr, 'rFonts');
    const b = child(rPr, 'b');
    return {
      text: textOf(r),
      eastAsia: attr(fonts, 'eastAsia'),
      ascii: attr(fonts, 'ascii'),
      hAnsi: attr(fonts, 'hAnsi'),
      size: num(child(rPr, 'sz'), 'val'),
      bold: !!b && attr(b, 'val') !== 'false' && attr(b, 'val') !== '0',
      spacing: num(child(rPr, 'spacing'), 'val'),
    };
  });
  return { text: textOf(p), align: attr(child(pPr, 'jc'), 'val'), indent, spacing, runs };
}

function section(sectPr: Element, paragraphs: ParagraphInfo[], tables: Element[]): SectionInfo {
  const pgSz = child(sectPr, 'pgSz');
  const pgMar = child(sectPr, 'pgMar');
  const margin: Record<string, number> = {};
  for (const k of ['top', 'bottom', 'left', 'right', 'footer']) margin[k] = num(pgMar, k) ?? NaN;
  const footerIds: Record<string, string> = {};
  for (const ref of children(sectPr, 'footerReference'))
    footerIds[attr(ref, 'type') ?? 'default'] =
      ref.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id') ?? '';
  return {
    width: num(pgSz, 'w') ?? NaN,
    height: num(pgSz, 'h') ?? NaN,
    orient: attr(pgSz, 'orient'),
    margin,
    paragraphs,
    tables: tables.map((t) => children(t, 'tr').map((tr) => children(tr, 'tc').map((tc) => textOf(tc)))),
    tableWidths: tables.map((t) => children(child(t, 'tblGrid')!, 'gridCol').reduce((s, c) => s + num(c, 'w')!, 0)),
    footerIds,
  };
}

export async function readDocx(bytes: Uint8Array): Promise<DocxInfo> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = async (path: string) => {
    const f = zip.file(path);
    if (!f) throw new Error(`no ${path} in the docx`);
    return f.async('string');
  };
  const doc = new DOMParser().parseFromString(await xml('word/document.xml'), 'text/xml');
  const body = child(doc.documentElement as unknown as Element, 'body')!;
  const sections: SectionInfo[] = [];
  let paragraphs: ParagraphInfo[] = [];
  let tables: Element[] = [];
  for (let n = body.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (el.localName === 'p') {
      paragraphs.push(paragraph(el));
      const sectPr = child(child(el, 'pPr'), 'sectPr');
      if (sectPr) {
        sections.push(section(sectPr, paragraphs, tables));
        paragraphs = [];
        tables = [];
      }
    } else if (el.localName === 'tbl') tables.push(el);
    else if (el.localName === 'sectPr') sections.push(section(el, paragraphs, tables));
  }
  const rels = await xml('word/_rels/document.xml.rels');
  const footers: Record<string, string> = {};
  for (const m of rels.matchAll(/Id="(rId\d+)"[^>]*Target="(footer\d+\.xml)"/g))
    footers[m[1]] = await xml(`word/${m[2]}`);
  return {
    files: Object.keys(zip.files),
    sections,
    footers,
    settings: await xml('word/settings.xml'),
    fontTable: zip.file('word/fontTable.xml') ? await xml('word/fontTable.xml') : '',
  };
}

/** What a report must contain besides its format. */
export interface ExpectedReport {
  title: string;
  /** Body paragraphs (headings included) in order, as the sheet or narrative has them, without indentation. */
  paragraphs: string[];
  closing: string[];
  level3: string[];
  total: string;
  grade: string;
}

const TWIPS_PER_MM = 1440 / 25.4;
const near = (twips: number, mm: number) => Math.abs(twips - mm * TWIPS_PER_MM) <= 1;

/** Every rule of issue 14 item 2, and the content of `expected`, on a parsed .docx. */
export function expectOfficialReport(docx: DocxInfo, expected: ExpectedReport): void {
  expect(docx.sections.length).toBe(2);
  const [text, attachment] = docx.sections;

  // A4 portrait; margins 37 / 35 / 28 / 26 mm.
  expect(near(text.width, 210) && near(text.height, 297)).toBe(true);
  expect(text.orient === undefined || text.orient === 'portrait').toBe(true);
  expect(near(text.margin.top, 37)).toBe(true);
  expect(near(text.margin.bottom, 35)).toBe(true);
  expect(near(text.margin.left, 28)).toBe(true);
  expect(near(text.margin.right, 26)).toBe(true);
  const textWidthPt = (text.width - text.margin.left - text.margin.right) / 20;
  const textHeightPt = (text.height - text.margin.top - text.margin.bottom) / 20;

  const [title, ...rest] = text.paragraphs;
  // Title: 方正小标宋简体 二号, centred, broken into lines of at most 20 二号 characters.
  expect(title.align).toBe('center');
  expect(title.text.replace(/\n/g, '')).toBe(expected.title);
  for (const line of title.text.split('\n')) expect(line.length * 22).toBeLessThanOrEqual(textWidthPt + 22);
  for (const r of title.runs) {
    expect(r.eastAsia).toBe('方正小标宋简体');
    expect(r.ascii).toBe('Times New Roman');
    expect(r.size).toBe(44);
  }

  // Body: 仿宋_GB2312 三号, exact line spacing for 22 lines a page, 28 characters a line, real first-line indent.
  const bodyEnd = rest.findIndex((p) => p.text.startsWith('附件：'));
  expect(bodyEnd).toBeGreaterThan(0);
  const body = rest.slice(0, bodyEnd).filter((p) => p.text !== '');
  expect(body.map((p) => p.text)).toEqual(expected.paragraphs);
  for (const p of [...body, rest[bodyEnd]]) {
    expect(p.spacing.lineRule).toBe('exact');
    const line = Number(p.spacing.line) / 20;
    expect(line).toBeGreaterThanOrEqual(28.9);
    expect(Math.floor(textHeightPt / line)).toBe(22);
    expect(p.indent.firstLine).toBe(640);
    expect(p.text).not.toMatch(/^[\s\u3000]/);
    for (const r of p.runs) {
      expect(r.size).toBe(32);
      expect(r.ascii).toBe('Times New Roman');
      expect(r.hAnsi).toBe('Times New Roman');
      // 28 characters of 16 pt (plus the run's character spacing) fit on the line, 29 do not.
      const pitch = 16 + (r.spacing ?? 0) / 20;
      expect(Math.floor(textWidthPt / pitch)).toBe(28);
    }
  }
  const fontOf = (p: ParagraphInfo) => [...new Set(p.runs.map((r) => `${r.eastAsia}${r.bold ? '+b' : ''}`))];
  for (const p of body) {
    if (/^[一二三四五六七八九十]+、/.test(p.text)) expect(fontOf(p)).toEqual(['黑体']);
    else if (/^（[一二三四五六七八九十]+）/.test(p.text) && !/[。；]$/.test(p.text))
      expect(fontOf(p)).toEqual(['楷体_GB2312']);
    else if (/^\d+\./.test(p.text) && !/[。；：]$/.test(p.text) && p.text.length <= 40)
      expect(fontOf(p)).toEqual(['仿宋_GB2312+b']);
    else expect(fontOf(p)).toEqual(['仿宋_GB2312']);
  }
  expect(body.filter((p) => /^[一二三四五六七八九十]+、/.test(p.text)).length).toBeGreaterThan(0);
  expect(body.filter((p) => fontOf(p)[0] === '楷体_GB2312').length).toBeGreaterThan(0);
  expect(body.filter((p) => fontOf(p)[0] === '仿宋_GB2312+b').length).toBeGreaterThan(0);

  // The closing block, right-aligned: 单位名称 and the date in the form 2026年12月2日.
  const closing = rest.slice(bodyEnd + 1).filter((p) => p.text !== '');
  expect(closing.map((p) => p.text)).toEqual(expected.closing);
  for (const p of closing) expect(p.align).toBe('right');
  expect(closing[closing.length - 1].text).toMatch(/^\d{4}年[1-9]\d?月[1-9]\d?日$/);

  // Page numbers "— 1 —" in 宋体 四号 in the footer, as a PAGE field; odd and even pages.
  expect(docx.settings).toContain('w:evenAndOddHeaders');
  for (const s of docx.sections) {
    for (const kind of ['default', 'even']) {
      const xml = docx.footers[s.footerIds[kind]];
      expect(xml).toBeDefined();
      expect(xml).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(xml).toMatch(/<w:t[^>]*>— <\/w:t>/);
      expect(xml).toMatch(/<w:t[^>]*> —<\/w:t>/);
      expect(xml).toContain('w:eastAsia="宋体"');
      expect(xml).toContain('<w:sz w:val="28"/>');
    }
  }

  // Fonts named, not embedded.
  expect(docx.files.filter((f) => /\.(odttf|ttf|otf)$/i.test(f))).toEqual([]);
  expect(docx.fontTable).not.toMatch(/embed(Regular|Bold|Italic)/);

  // The attachment: 附件：部门整体支出绩效自评表 in the text; the table on a landscape page, within its width.
  expect(rest[bodyEnd].text).toBe('附件：部门整体支出绩效自评表');
  expect(attachment.orient).toBe('landscape');
  expect(attachment.width).toBeGreaterThan(attachment.height);
  expect(attachment.tables.length).toBe(1);
  expect(attachment.tableWidths[0]).toBeLessThanOrEqual(
    attachment.width - attachment.margin.left - attachment.margin.right,
  );
  const rows = attachment.tables[0];
  expect(rows[0]).toEqual(['一级指标', '二级指标', '三级指标', '分值', '指标值', '得分', '扣分原因']);
  const level3 = rows.slice(1).map((r) => r[r.length - 5]);
  for (const name of expected.level3) expect(level3).toContain(name);
  const total = rows.find((r) => r[0] === '合计');
  expect(total?.[3]).toBe(expected.total);
  const grade = rows.find((r) => r[0] === '评价等级');
  expect(grade?.[1]).toBe(expected.grade);
}
