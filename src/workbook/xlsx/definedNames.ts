/**
 * Defined names straight from `xl/workbook.xml`. ExcelJS keeps only the names it can turn into cell
 * ranges and forgets their sheet scope, so it would lose constants, `#REF!` names, hidden flags and
 * every sheet-scoped name of the clerk's workbook. We read the element ourselves and, after ExcelJS
 * has written a file, put the element back exactly as it was (plus our own names).
 */
import JSZip from 'jszip';

export interface SheetEntry {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
}

export interface RawDefinedName {
  name: string;
  /** The sheet a sheet-scoped name belongs to (from localSheetId and the <sheets> order). */
  sheet?: string;
  hidden: boolean;
  /** The reference text, entities decoded, without '='. */
  text: string;
  /** Attributes as written, values still escaped, in order: written back untouched. */
  attributes: [string, string][];
  /** The element's content as written (escaped). */
  rawText: string;
}

export interface WorkbookXml {
  sheets: SheetEntry[];
  names: RawDefinedName[];
  date1904: boolean;
}

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

export function escapeXml(s: string, attribute = false): string {
  const t = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attribute ? t.replace(/"/g, '&quot;') : t;
}

function parseAttributes(s: string): [string, string][] {
  const out: [string, string][] = [];
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out.push([m[1], m[2] ?? m[3] ?? '']);
  return out;
}

/** Attribute value by local name (ignoring a namespace prefix), decoded. */
function attr(attrs: [string, string][], local: string): string | undefined {
  const hit = attrs.find(([k]) => k === local || k.endsWith(`:${local}`));
  return hit ? decodeEntities(hit[1]) : undefined;
}

const TAG = (local: string) => `(?:[\\w.-]+:)?${local}`;

export function parseWorkbookXml(xml: string): WorkbookXml {
  const sheets: SheetEntry[] = [];
  const sheetRe = new RegExp(`<${TAG('sheet')}\\b([^>]*?)/?>`, 'g');
  const sheetsBlock = new RegExp(`<${TAG('sheets')}\\b[^>]*>([\\s\\S]*?)</${TAG('sheets')}>`).exec(xml);
  let m: RegExpExecArray | null;
  if (sheetsBlock) {
    while ((m = sheetRe.exec(sheetsBlock[1]))) {
      const a = parseAttributes(m[1]);
      const state = attr(a, 'state');
      sheets.push({
        name: attr(a, 'name') ?? '',
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
      });
    }
  }
  const names: RawDefinedName[] = [];
  const block = new RegExp(`<${TAG('definedNames')}\\b[^>]*>([\\s\\S]*?)</${TAG('definedNames')}>`).exec(xml);
  if (block) {
    const nameRe = new RegExp(`<${TAG('definedName')}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${TAG('definedName')}>)`, 'g');
    while ((m = nameRe.exec(block[1]))) {
      const attributes = parseAttributes(m[1]);
      const rawText = m[2] ?? '';
      const local = attr(attributes, 'localSheetId');
      const index = local === undefined ? undefined : Number(local);
      const hidden = attr(attributes, 'hidden');
      names.push({
        name: attr(attributes, 'name') ?? '',
        sheet: index === undefined ? undefined : sheets[index]?.name,
        hidden: hidden === '1' || hidden === 'true',
        text: decodeEntities(rawText.replace(/^<!\[CDATA\[([\s\S]*)\]\]>$/, '$1'))
          .trim()
          .replace(/^=/, ''),
        attributes,
        rawText,
      });
    }
  }
  const pr = new RegExp(`<${TAG('workbookPr')}\\b([^>]*?)/?>`).exec(xml);
  const date1904 = pr ? ['1', 'true'].includes(attr(parseAttributes(pr[1]), 'date1904') ?? '') : false;
  return { sheets, names, date1904 };
}

/** The workbook part's path, from the package relationships (normally `xl/workbook.xml`). */
export async function workbookPartPath(zip: JSZip): Promise<string> {
  const rels = await zip.file('_rels/.rels')?.async('string');
  const m = rels && /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(rels);
  const target = m && /Target="([^"]*)"/.exec(m[0]);
  const path = target ? decodeEntities(target[1]).replace(/^\//, '') : 'xl/workbook.xml';
  return zip.file(path) ? path : 'xl/workbook.xml';
}

export type XlsxData = Uint8Array | ArrayBuffer;

export async function readWorkbookXml(data: XlsxData | JSZip): Promise<WorkbookXml> {
  const zip = data instanceof JSZip ? data : await JSZip.loadAsync(data);
  const path = await workbookPartPath(zip);
  const xml = await zip.file(path)?.async('string');
  if (xml === undefined) throw new Error('找不到 xl/workbook.xml');
  return parseWorkbookXml(xml);
}

/** One <definedName> element to write. */
export interface NameElement {
  name: string;
  /** 0-based position of the sheet in <sheets>, for a sheet-scoped name. */
  localSheetId?: number;
  hidden?: boolean;
  /** Reference text without '=', unescaped. */
  text: string;
}

export function renderName(n: NameElement): string {
  const attrs = [`name="${escapeXml(n.name, true)}"`];
  if (n.localSheetId !== undefined) attrs.push(`localSheetId="${n.localSheetId}"`);
  if (n.hidden) attrs.push('hidden="1"');
  return `<definedName ${attrs.join(' ')}>${escapeXml(n.text)}</definedName>`;
}

/** An original element written back as it was, with its localSheetId re-computed. */
export function renderOriginal(n: RawDefinedName, localSheetId: number | undefined): string {
  const attrs = n.attributes
    .filter(([k]) => k !== 'localSheetId' && !k.endsWith(':localSheetId'))
    .map(([k, v]) => `${k}="${v.replace(/"/g, '&quot;')}"`);
  if (localSheetId !== undefined) attrs.splice(1, 0, `localSheetId="${localSheetId}"`);
  return `<definedName ${attrs.join(' ')}>${n.rawText}</definedName>`;
}

/**
 * Replace the <definedNames> element of a workbook.xml (ExcelJS' output or ours) with the given
 * elements; insert it after <sheets> (before <calcPr> …, as the schema orders them) when absent.
 */
export function replaceDefinedNames(xml: string, elements: string[]): string {
  const block = elements.length ? `<definedNames>${elements.join('')}</definedNames>` : '';
  const existing = /<definedNames\b[^>]*\/>|<definedNames\b[^>]*>[\s\S]*?<\/definedNames>/;
  if (existing.test(xml)) return xml.replace(existing, () => block);
  if (!block) return xml;
  const after = /<\/sheets>|<sheets\b[^>]*\/>/.exec(xml);
  if (!after) throw new Error('workbook.xml has no <sheets>');
  let at = after.index + after[0].length;
  // functionGroups and externalReferences come between sheets and definedNames.
  const between =
    /^\s*(<functionGroups\b[\s\S]*?(?:\/>|<\/functionGroups>))?\s*(<externalReferences\b[\s\S]*?(?:\/>|<\/externalReferences>))?/.exec(
      xml.slice(at),
    );
  if (between) at += between[0].length;
  return xml.slice(0, at) + block + xml.slice(at);
}

/** Rewrite the workbook part of a package with new <definedNames>. */
export async function patchDefinedNames(zip: JSZip, build: (info: WorkbookXml) => string[]): Promise<void> {
  const path = await workbookPartPath(zip);
  const xml = await zip.file(path)!.async('string');
  zip.file(path, replaceDefinedNames(xml, build(parseWorkbookXml(xml))));
}

/** Deterministic zip output: every entry gets the same timestamp. */
export async function generatePackage(zip: JSZip, date = new Date(2000, 0, 1)): Promise<Uint8Array> {
  zip.forEach((_, file) => {
    (file as unknown as { date: Date }).date = date;
  });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
