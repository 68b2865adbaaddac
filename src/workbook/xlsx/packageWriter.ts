/**
 * Writing = adding and replacing our own parts in the clerk's package. Every other part keeps its
 * bytes (JSZip even copies their compressed data as it is); we change only our sheet parts,
 * `xl/workbook.xml` (sheet entries, defined names, the active tab, full recalculation on load), its
 * relationships, `[Content_Types].xml`, styles.xml (entries appended) and — only when asked — the
 * cells a clerk named as outputs. The one part of the clerk's we may take out is Excel's calculation
 * chain, a cache that a write over existing cells makes stale (see dropCalcChain).
 */
import type { Document, Element } from '@xmldom/xmldom';
import JSZip from 'jszip';
import type { SheetLayout } from '../../sheets/layout';
import { renderName } from './definedNames';
import { appendNameElements, definedNamesElement } from './workbookEdit';
import { CONTENT_TYPE, relsPathOf, REL, findEntry, resolveTarget } from './opc';
import { isBuiltIn } from './readNames';
import { parseReference, quoteSheet, splitSheetCell } from './reference';
import { cellContent, MAIN_NS, REL_NS, sheetXml } from './sheetXml';
import { isSelectedSheet, writeCells, type CellWrite } from './sheetPatch';
import { EMPTY_STYLES, StyleAppender } from './styleAppender';
import type { WorkbookPackage } from './workbookPackage';
import { child, children, createLike, parseDom, serializeDom } from './dom';
import { local } from './xml';

const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const PR_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface SheetWrite {
  layout: SheetLayout;
  /** Index in <sheets> of the sheet it replaces. */
  replaces?: number;
}

export interface NameToWrite {
  name: string;
  sheet: string;
  /** Absolute reference text, e.g. `指标计算!$H$3`. */
  text: string;
  hidden: boolean;
}

export interface OutputToWrite {
  sheetIndex: number;
  row: number;
  col: number;
  value: number | string;
  numberFormat?: string;
}

export interface PackageEdit {
  sheets: SheetWrite[];
  names: NameToWrite[];
  outputs: OutputToWrite[];
  activate?: string;
}

/** A new, empty package (for the template): the parts every workbook needs. */
export function emptyPackage(options: { creator: string; created: Date }): JSZip {
  const zip = new JSZip();
  const iso = options.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${CT_NS}">` +
      `<Default Extension="rels" ContentType="${CONTENT_TYPE.relationships}"/><Default Extension="xml" ContentType="application/xml"/>` +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      `<Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE.styles}"/>` +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PR_NS}">` +
      `<Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '</Relationships>',
  );
  zip.file(
    'docProps/core.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:creator>${escapeXmlText(options.creator)}</dc:creator><cp:lastModifiedBy>${escapeXmlText(options.creator)}</cp:lastModifiedBy>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified>` +
      '</cp:coreProperties>',
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="24000" windowHeight="12000"/></bookViews>' +
      '<sheets/><calcPr calcId="191029"/></workbook>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PR_NS}">` +
      `<Relationship Id="rId1" Type="${REL.styles}" Target="styles.xml"/></Relationships>`,
  );
  zip.file('xl/styles.xml', EMPTY_STYLES);
  return zip;
}

function escapeXmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A free part name `xl/worksheets/sheetN.xml` (part names compare ignoring case). */
function freeSheetPart(zip: JSZip, folder: string, taken: Set<string>): string {
  const used = new Set(Object.keys(zip.files).map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = `${folder}sheet${n}.xml`;
    if (!used.has(name.toLowerCase()) && !taken.has(name.toLowerCase())) return name;
  }
}

function freeId(existing: string[], prefix: string): string {
  const set = new Set(existing);
  for (let n = existing.length + 1; ; n++) if (!set.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** Apply the edit to the package's zip (a fresh copy the caller throws away on failure). */
export async function writePackage(pkg: WorkbookPackage, edit: PackageEdit): Promise<JSZip> {
  const zip = pkg.zip;
  const wb = parseDom(pkg.workbookXml);
  const root = wb.documentElement!;
  const relsPath = relsPathOf(pkg.workbookPath);
  const relsEntry = findEntry(zip, relsPath) ?? relsPath;
  const rels = parseDom(
    zip.file(relsEntry)
      ? await zip.file(relsEntry)!.async('string')
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PR_NS}"/>`,
  );
  const ctEntry = findEntry(zip, '[Content_Types].xml')!;
  const types = parseDom(await zip.file(ctEntry)!.async('string'));

  // Styles: the clerk's part, or a new one when the package has none.
  let stylesPath = pkg.stylesPath;
  if (!stylesPath) {
    stylesPath = freeName(zip, pkg.workbookPath.replace(/[^/]*$/, 'styles.xml'));
    addRelationship(rels, REL.styles, relativeTarget(pkg.workbookPath, stylesPath));
    setOverride(types, stylesPath, CONTENT_TYPE.styles);
  }
  const styles = new StyleAppender(zip.file(stylesPath) ? await zip.file(stylesPath)!.async('string') : EMPTY_STYLES);

  const sheetsEl = child(root, 'sheets')!;
  const sheetEls = children(sheetsEl, 'sheet');
  const written = new Set<number>();
  const newParts = new Set<string>();
  const finalNames = pkg.info.sheets.map((s) => s.name);
  const activeIndex = (() => {
    if (!edit.activate) return -1;
    const lower = edit.activate.toLowerCase();
    const fromPlan = edit.sheets.find((s) => s.layout.name.toLowerCase() === lower);
    if (fromPlan && (fromPlan.layout.visibility ?? 'visible') !== 'visible') return -1;
    return -2; // resolved after the sheets are placed
  })();
  const placed: { index: number; layout: SheetLayout; part: string }[] = [];
  const folder = (() => {
    const first = pkg.parts.find((p) => p && /(^|\/)worksheets\//i.test(p));
    return first ? first.replace(/[^/]*$/, '') : pkg.workbookPath.replace(/[^/]*$/, 'worksheets/');
  })();
  for (const s of edit.sheets) {
    let index: number;
    let part: string;
    let el: Element;
    if (s.replaces !== undefined) {
      index = s.replaces;
      el = sheetEls[index];
      part = pkg.parts[index]!;
      // A reused sheet keeps its part; its old relationships (drawings, comments…) no longer apply.
      const oldRels = findEntry(zip, relsPathOf(part));
      if (oldRels) zip.remove(oldRels);
    } else {
      part = freeSheetPart(zip, folder, newParts);
      newParts.add(part.toLowerCase());
      const rId = addRelationship(rels, REL.worksheet, relativeTarget(pkg.workbookPath, part));
      el = createLike(sheetsEl, 'sheet');
      const ids = sheetEls.map((e) => Number(e.getAttribute('sheetId'))).filter(Number.isFinite);
      el.setAttribute('name', s.layout.name);
      el.setAttribute('sheetId', String(Math.max(0, ...ids, ...placed.map((p) => p.index + 1000)) + 1));
      el.setAttributeNS(REL_NS, `${relPrefix(root)}:id`, rId);
      sheetsEl.appendChild(el);
      sheetEls.push(el);
      index = sheetEls.length - 1;
      finalNames[index] = s.layout.name;
    }
    el.setAttribute('name', s.layout.name);
    finalNames[index] = s.layout.name;
    if ((s.layout.visibility ?? 'visible') === 'visible') el.removeAttribute('state');
    else el.setAttribute('state', s.layout.visibility!);
    setOverride(types, part, CONTENT_TYPE.worksheet);
    written.add(index);
    placed.push({ index, layout: s.layout, part });
  }
  // sheetIds must be unique: recompute the new ones simply as max + 1 in order.
  let nextId = Math.max(
    0,
    ...sheetEls.slice(0, pkg.info.sheets.length).map((e) => Number(e.getAttribute('sheetId')) || 0),
  );
  for (const e of sheetEls.slice(pkg.info.sheets.length)) e.setAttribute('sheetId', String(++nextId));

  const active =
    activeIndex === -2 && !(await clerkSelection(zip, pkg, written))
      ? finalNames.findIndex((n) => n.toLowerCase() === edit.activate!.toLowerCase())
      : -1;
  for (const p of placed) zip.file(p.part, sheetXml(p.layout, styles, p.index === active));

  // Named outputs: cells of the clerk's sheets.
  const bySheet = new Map<number, OutputToWrite[]>();
  for (const o of edit.outputs) bySheet.set(o.sheetIndex, [...(bySheet.get(o.sheetIndex) ?? []), o]);
  for (const [index, outputs] of bySheet) {
    const part = pkg.parts[index]!;
    const xml = await zip.file(part)!.async('string');
    const writes: CellWrite[] = outputs.map((o) => ({
      row: o.row,
      col: o.col,
      render: (current, prefix, ref) => {
        const s = o.numberFormat ? styles.withFormat(current, o.numberFormat) : current;
        const { t, body } = cellContent(o.value);
        const inner = body.replace(/<(\/?)(is|t|v|f)\b/g, `<$1${prefix}$2`);
        return `<${prefix}c r="${ref}"${s ? ` s="${s}"` : ''}${t}>${inner}</${prefix}c>`;
      },
    }));
    zip.file(part, writeCells(xml, writes));
  }

  if (active >= 0) setActiveTab(root, active);

  editNames(root, pkg, edit, written, finalNames);
  setFullCalcOnLoad(root);
  if (edit.sheets.some((s) => s.replaces !== undefined) || edit.outputs.length) dropCalcChain(zip, pkg, rels, types);

  zip.file(pkg.workbookPath, serializeDom(wb));
  zip.file(relsEntry, serializeDom(rels));
  zip.file(ctEntry, serializeDom(types));
  if (styles.modified || !zip.file(stylesPath)) zip.file(stylesPath, styles.toString());
  return zip;
}

/**
 * Whether one of the clerk's sheets (not one we rewrite) is a selected tab. Then the clerk's selection
 * and the workbook's activeTab stay as they are and none of our sheets is marked selected: the
 * selection lives in the clerk's sheet part, which we never change, and a second selected tab would
 * open as grouped sheets in Excel, WPS and LibreOffice (what the clerk types next would land on both).
 * Only a package whose own sheets carry no selection (our template, a file from a tool that writes no
 * sheet views) opens on our sheet.
 */
async function clerkSelection(zip: JSZip, pkg: WorkbookPackage, written: Set<number>): Promise<boolean> {
  for (let i = 0; i < pkg.info.sheets.length; i++) {
    const part = pkg.parts[i];
    if (written.has(i) || !part || !zip.file(part)) continue;
    if (await isSelectedSheet(zip, part)) return true;
  }
  return false;
}

/**
 * `xl/calcChain.xml` is Excel's cache of the order it last calculated formula cells in. Excel shows a
 * repair prompt ("We found a problem with some content") when it lists a cell that no longer holds a
 * formula — which a re-fill (our replaced sheets' formulas move) or a named output written over a
 * clerk's formula cell can cause. Its entries name sheets by an id whose meaning tools disagree on
 * (sheetId or position), so editing them would be a guess; without the part, Excel, WPS and
 * LibreOffice simply rebuild the chain on load (we also set fullCalcOnLoad). So when the write
 * changes cells that already existed, the part goes with its relationship and content type; a first
 * fill that only adds sheets keeps it byte for byte (new formula cells missing from it are harmless).
 */
function dropCalcChain(zip: JSZip, pkg: WorkbookPackage, rels: Document, types: Document): void {
  for (const rel of children(rels.documentElement!, 'Relationship')) {
    const type = rel.getAttribute('Type') ?? '';
    if (type !== REL.calcChain && !type.endsWith('/calcChain')) continue;
    if (rel.getAttribute('TargetMode') === 'External') continue;
    const part = resolveTarget(pkg.workbookPath, rel.getAttribute('Target') ?? '');
    const entry = findEntry(zip, part);
    if (entry) zip.remove(entry);
    rels.documentElement!.removeChild(rel);
    for (const o of children(types.documentElement!, 'Override'))
      if ((o.getAttribute('PartName') ?? '').toLowerCase() === `/${entry ?? part}`.toLowerCase())
        types.documentElement!.removeChild(o);
  }
}

function freeName(zip: JSZip, path: string): string {
  if (!zip.file(path)) return path;
  for (let n = 2; ; n++) {
    const p = path.replace(/\.xml$/, `${n}.xml`);
    if (!zip.file(p)) return p;
  }
}

/** The prefix bound to the relationships namespace on the workbook root (normally `r`). */
function relPrefix(root: Element): string {
  for (let i = 0; i < root.attributes.length; i++) {
    const a = root.attributes.item(i)!;
    if (a.value === REL_NS && a.name.startsWith('xmlns:')) return a.name.slice(6);
  }
  root.setAttribute('xmlns:r', REL_NS);
  return 'r';
}

/** A target relative to the source part's folder, as Excel writes them. */
function relativeTarget(source: string, part: string): string {
  const from = source.split('/').slice(0, -1);
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

function addRelationship(rels: Document, type: string, target: string): string {
  const root = rels.documentElement!;
  const ids = children(root, 'Relationship').map((r) => r.getAttribute('Id') ?? '');
  const id = freeId(ids, 'rId');
  const el = createLike(root, 'Relationship');
  el.setAttribute('Id', id);
  el.setAttribute('Type', type);
  el.setAttribute('Target', target);
  root.appendChild(el);
  return id;
}

function setOverride(types: Document, part: string, contentType: string): void {
  const root = types.documentElement!;
  const name = `/${part}`;
  const existing = children(root, 'Override').find(
    (o) => (o.getAttribute('PartName') ?? '').toLowerCase() === name.toLowerCase(),
  );
  if (existing) {
    if (existing.getAttribute('ContentType') !== contentType) existing.setAttribute('ContentType', contentType);
    return;
  }
  const el = createLike(root, 'Override');
  el.setAttribute('PartName', name);
  el.setAttribute('ContentType', contentType);
  root.appendChild(el);
}

function setActiveTab(root: Element, index: number): void {
  let views = child(root, 'bookViews');
  if (!views) {
    views = createLike(root, 'bookViews');
    const sheets = child(root, 'sheets')!;
    root.insertBefore(views, sheets);
  }
  let view = child(views, 'workbookView');
  if (!view) {
    view = createLike(views, 'workbookView');
    views.appendChild(view);
  }
  view.setAttribute('activeTab', String(index));
  const first = Number(view.getAttribute('firstSheet') ?? 0);
  if (first > index) view.setAttribute('firstSheet', String(index));
}

function setFullCalcOnLoad(root: Element): void {
  let calc = child(root, 'calcPr');
  if (!calc) {
    calc = createLike(root, 'calcPr');
    const after = children(root).find((c) =>
      [
        'oleSize',
        'customWorkbookViews',
        'pivotCaches',
        'smartTagPr',
        'smartTagTypes',
        'webPublishing',
        'fileRecoveryPr',
        'webPublishObjects',
        'extLst',
      ].includes(local(c.nodeName)),
    );
    root.insertBefore(calc, after ?? null);
  }
  calc.setAttribute('fullCalcOnLoad', '1');
}

/**
 * The defined names: every name of the clerk's stays where it is; a workbook name of ours that
 * already exists is re-pointed in place; built-in names of the sheets we rewrite (print titles) are
 * replaced; the rest of ours and our print titles are appended.
 */
function editNames(
  root: Element,
  pkg: WorkbookPackage,
  edit: PackageEdit,
  written: Set<number>,
  finalNames: string[],
): void {
  const ours = new Map(edit.names.map((n) => [n.name.toLowerCase(), n]));
  const used = new Set<string>();
  const container = definedNamesElement(root, false);
  if (container) {
    for (const el of children(container, 'definedName')) {
      const name = el.getAttribute('name') ?? '';
      const localId = el.getAttribute('localSheetId');
      const lower = name.toLowerCase();
      if (localId === null || localId === '') {
        const mine = ours.get(lower);
        if (!mine) continue;
        if (used.has(lower)) {
          container.removeChild(el);
          continue;
        }
        used.add(lower);
        while (el.firstChild) el.removeChild(el.firstChild);
        el.appendChild(el.ownerDocument!.createTextNode(mine.text));
        if (mine.hidden) el.setAttribute('hidden', '1');
        else el.removeAttribute('hidden');
        continue;
      }
      if (isBuiltIn(name) && written.has(Number(localId))) container.removeChild(el);
    }
    if (!children(container, 'definedName').length && !edit.names.length) root.removeChild(container);
  }
  const elements: string[] = [];
  for (const [lower, n] of ours)
    if (!used.has(lower)) elements.push(renderName({ name: n.name, hidden: n.hidden, text: n.text }));
  for (const s of edit.sheets) {
    const repeat = s.layout.print?.repeatRows;
    if (!repeat) continue;
    const index = finalNames.findIndex((n) => n === s.layout.name);
    elements.push(
      renderName({
        name: '_xlnm.Print_Titles',
        localSheetId: index,
        text: `${quoteSheet(s.layout.name)}!$${repeat[0] + 1}:$${repeat[1] + 1}`,
      }),
    );
  }
  appendNameElements(root, elements);
  void pkg;
}

/** Parse `Sheet!B3` of a named output into the sheet index and cell. */
export function outputTarget(
  pkg: WorkbookPackage,
  cell: string,
): { sheetIndex: number; row: number; col: number } | undefined {
  const t = splitSheetCell(cell);
  if (!t) return undefined;
  const sheetIndex = pkg.sheetIndex(t.sheet);
  return sheetIndex < 0 ? undefined : { sheetIndex, row: t.row, col: t.col };
}

export { parseReference };
