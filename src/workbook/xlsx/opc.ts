/**
 * The package (OPC) layer: relationships, part names resolved by the OPC rules, content types.
 * A relationship target is a URI relative to its source part's folder (`worksheets/sheet1.xml`,
 * `../comments1.xml`) or absolute from the package root (`/xl/comments/comment1.xml`, as openpyxl
 * writes); TargetMode="External" points outside the package.
 */
import type JSZip from 'jszip';
import { attr, local, parseString } from './xml';

export interface Relationship {
  id: string;
  type: string;
  /** Target as written (still a URI). */
  target: string;
  external: boolean;
  /** The part it points at inside the package (zip entry name), for an internal target. */
  part?: string;
}

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
};

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  relationships: 'application/vnd.openxmlformats-package.relationships+xml',
};

/** The relationships part of a source part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolve a relationship target against its source part (`''` for the package root). */
export function resolveTarget(source: string, target: string): string {
  let path = target.split('#')[0];
  let segments: string[];
  if (path.startsWith('/')) {
    segments = [];
    path = path.slice(1);
  } else {
    segments = source.split('/').slice(0, -1);
  }
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') segments.pop();
    else segments.push(seg);
  }
  return segments.join('/');
}

/** The zip entry of a part name: exact, percent-decoded, or ignoring case (part names are case-insensitive). */
export function findEntry(zip: JSZip, part: string): string | undefined {
  if (zip.file(part)) return part;
  let decoded = part;
  try {
    decoded = decodeURIComponent(part);
  } catch {
    // not percent-encoded
  }
  if (zip.file(decoded)) return decoded;
  const lower = decoded.toLowerCase();
  return Object.keys(zip.files).find((n) => n.toLowerCase() === lower && !zip.files[n].dir);
}

export function parseRelationships(xml: string, source: string, zip?: JSZip): Relationship[] {
  const rels: Relationship[] = [];
  parseString(xml, {
    open(tag) {
      if (local(tag.name) !== 'Relationship') return;
      const target = attr(tag, 'Target') ?? '';
      const external = attr(tag, 'TargetMode') === 'External';
      const rel: Relationship = { id: attr(tag, 'Id') ?? '', type: attr(tag, 'Type') ?? '', target, external };
      if (!external) {
        const resolved = resolveTarget(source, target);
        rel.part = (zip && findEntry(zip, resolved)) ?? resolved;
      }
      rels.push(rel);
    },
  });
  return rels;
}

export async function readRelationships(zip: JSZip, source: string): Promise<Relationship[]> {
  const path = findEntry(zip, relsPathOf(source));
  const xml = path ? await zip.file(path)!.async('string') : undefined;
  return xml === undefined ? [] : parseRelationships(xml, source, zip);
}

/** The workbook part, from the package relationships (normally `xl/workbook.xml`). */
export async function workbookPart(zip: JSZip): Promise<string> {
  const rels = await readRelationships(zip, '');
  const main = rels.find((r) => r.type === REL.officeDocument || r.type.endsWith('/officeDocument'));
  if (main?.part && zip.file(main.part)) return main.part;
  if (zip.file('xl/workbook.xml')) return 'xl/workbook.xml';
  throw new Error('找不到工作簿部件（xl/workbook.xml）');
}
