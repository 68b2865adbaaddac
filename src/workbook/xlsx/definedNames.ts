/**
 * The workbook part (`xl/workbook.xml`): its sheets and defined names, read with saxes, and edited in
 * place with xmldom. ExcelJS kept only the names it could turn into ranges and forgot their sheet
 * scope; here every name — constants, `#REF!`, hidden, sheet-scoped, external — is read as written
 * and every element we do not own stays in the part untouched.
 */
import JSZip from 'jszip';
import { readRelationships, workbookPart } from './opc';
import { attr, local, parseString } from './xml';

export interface SheetEntry {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** The relationship id of its part (r:id). */
  rId?: string;
}

export interface RawDefinedName {
  name: string;
  /** The sheet a sheet-scoped name belongs to (from localSheetId and the <sheets> order). */
  sheet?: string;
  hidden: boolean;
  /** The reference text, entities decoded, without '='. */
  text: string;
  /** Attributes as written (decoded), in order. */
  attributes: [string, string][];
}

export interface WorkbookXml {
  sheets: SheetEntry[];
  names: RawDefinedName[];
  date1904: boolean;
}

export function escapeXml(s: string, attribute = false): string {
  const t = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attribute ? t.replace(/"/g, '&quot;') : t;
}

function truthy(v: string | undefined): boolean {
  return v === '1' || v === 'true';
}

export function parseWorkbookXml(xml: string): WorkbookXml {
  const sheets: SheetEntry[] = [];
  const pending: { attributes: [string, string][]; text: string }[] = [];
  let date1904 = false;
  let inName: { attributes: [string, string][]; text: string } | undefined;
  let depth = 0;
  parseString(xml, {
    open(tag) {
      depth++;
      const name = local(tag.name);
      if (name === 'sheet' && depth === 3) {
        const state = attr(tag, 'state');
        const entry: SheetEntry = {
          name: attr(tag, 'name') ?? '',
          state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        };
        const rId = attr(tag, 'id');
        if (rId !== undefined) entry.rId = rId;
        sheets.push(entry);
      } else if (name === 'definedName') {
        inName = { attributes: Object.entries(tag.attributes as Record<string, string>), text: '' };
      } else if (name === 'workbookPr') {
        date1904 = truthy(attr(tag, 'date1904'));
      }
    },
    text(t) {
      if (inName) inName.text += t;
    },
    close(tag) {
      depth--;
      if (local(tag.name) === 'definedName' && inName) {
        pending.push(inName);
        inName = undefined;
      }
    },
  });
  const names = pending.map(({ attributes, text }): RawDefinedName => {
    const get = (k: string) => attributes.find(([a]) => local(a) === k)?.[1];
    const localSheetId = get('localSheetId');
    return {
      name: get('name') ?? '',
      sheet: localSheetId === undefined ? undefined : sheets[Number(localSheetId)]?.name,
      hidden: truthy(get('hidden')),
      text: text.trim().replace(/^=/, ''),
      attributes,
    };
  });
  return { sheets, names, date1904 };
}

export type XlsxData = Uint8Array | ArrayBuffer;

export async function readWorkbookXml(data: XlsxData | JSZip): Promise<WorkbookXml> {
  const zip = data instanceof JSZip ? data : await JSZip.loadAsync(data);
  const xml = await zip.file(await workbookPart(zip))!.async('string');
  return parseWorkbookXml(xml);
}

/** The zip entry of every sheet, in <sheets> order (undefined when its relationship is missing). */
export async function sheetParts(zip: JSZip, path: string, info: WorkbookXml): Promise<(string | undefined)[]> {
  const rels = await readRelationships(zip, path);
  return info.sheets.map((s) => rels.find((r) => r.id === s.rId && !r.external)?.part);
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

/** An original name written back with every attribute and its localSheetId re-computed. */
export function renderOriginal(n: RawDefinedName, localSheetId: number | undefined): string {
  const attrs = n.attributes
    .filter(([k]) => local(k) !== 'localSheetId')
    .map(([k, v]) => `${k}="${escapeXml(v, true)}"`);
  if (localSheetId !== undefined) attrs.splice(1, 0, `localSheetId="${localSheetId}"`);
  return `<definedName ${attrs.join(' ')}>${escapeXml(n.text)}</definedName>`;
}

/** Deterministic zip output: every entry gets the same timestamp. */
export async function generatePackage(zip: JSZip, date = new Date(2000, 0, 1)): Promise<Uint8Array> {
  zip.forEach((_, file) => {
    (file as unknown as { date: Date }).date = date;
  });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } });
}
