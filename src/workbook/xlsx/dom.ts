/**
 * @xmldom/xmldom helpers for the small parts we edit in place when writing (workbook.xml, its rels,
 * [Content_Types].xml, styles.xml). Loaded only by the writing side.
 */
import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { local } from './xml';

export function parseDom(xml: string): Document {
  return new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
}

export function serializeDom(doc: Document): string {
  return new XMLSerializer().serializeToString(doc);
}

/** Child elements by local name. */
export function children(el: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (name === undefined || local((n as Element).nodeName) === name)) out.push(n as Element);
  return out;
}

export function child(el: Element, name: string): Element | undefined {
  return children(el, name)[0];
}

/** A new element in the parent's namespace (keeps its prefix, if any). */
export function createLike(parent: Element, name: string): Element {
  const doc = parent.ownerDocument!;
  const prefix = parent.prefix;
  return parent.namespaceURI
    ? doc.createElementNS(parent.namespaceURI, prefix ? `${prefix}:${name}` : name)
    : doc.createElement(name);
}
