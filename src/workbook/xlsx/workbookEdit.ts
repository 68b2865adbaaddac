/** Editing the <definedNames> of a workbook part in place (xmldom); the writing side only. */
import type { Element } from '@xmldom/xmldom';
import type JSZip from 'jszip';
import { parseWorkbookXml, type WorkbookXml } from './definedNames';
import { child, children, createLike, parseDom, serializeDom } from './dom';
import { workbookPart } from './opc';
import { local } from './xml';

/** Schema order of the workbook's children: definedNames goes after these. */
const BEFORE_DEFINED_NAMES = [
  'fileVersion',
  'fileSharing',
  'workbookPr',
  'workbookProtection',
  'bookViews',
  'sheets',
  'functionGroups',
  'externalReferences',
];

/** The <definedNames> element of a workbook root, created in schema order when absent. */
export function definedNamesElement(root: Element, create: boolean): Element | undefined {
  const existing = child(root, 'definedNames');
  if (existing || !create) return existing;
  const el = createLike(root, 'definedNames');
  const after = children(root).filter((c) => BEFORE_DEFINED_NAMES.includes(local(c.nodeName)));
  const anchor = after.length ? after[after.length - 1].nextSibling : root.firstChild;
  root.insertBefore(el, anchor);
  return el;
}

/** Parse rendered <definedName> elements into nodes of the workbook document. */
export function appendNameElements(root: Element, elements: string[]): void {
  if (!elements.length) return;
  const names = definedNamesElement(root, true)!;
  const ns = root.namespaceURI ?? '';
  const prefix = root.prefix ? `${root.prefix}:` : '';
  const wrapped = parseDom(
    `<w xmlns${root.prefix ? `:${root.prefix}` : ''}="${ns}">${elements
      .map((e) =>
        prefix
          ? e.replace(/^<definedName/, `<${prefix}definedName`).replace(/<\/definedName>$/, `</${prefix}definedName>`)
          : e,
      )
      .join('')}</w>`,
  ).documentElement!;
  for (const el of children(wrapped)) names.appendChild(root.ownerDocument!.importNode(el, true));
}

/** Replace the <definedNames> of a workbook.xml with the given elements (used by test fixtures). */
export function replaceDefinedNames(xml: string, elements: string[]): string {
  const doc = parseDom(xml);
  const root = doc.documentElement!;
  const existing = definedNamesElement(root, false);
  if (existing) root.removeChild(existing);
  appendNameElements(root, elements);
  return serializeDom(doc);
}

/** Rewrite the workbook part of a package with new <definedNames>. */
export async function patchDefinedNames(zip: JSZip, build: (info: WorkbookXml) => string[]): Promise<void> {
  const path = await workbookPart(zip);
  const xml = await zip.file(path)!.async('string');
  zip.file(path, replaceDefinedNames(xml, build(parseWorkbookXml(xml))));
}
