'use strict';
/**
 * A small XML reader for the manifest checks: elements, attributes, text, line numbers.
 * It handles what manifests contain (declaration, comments, CDATA, the five entities and character
 * references) and throws on malformed nesting. DTDs and processing instructions beyond the
 * declaration are skipped. Full well-formedness is left to the XSD check (libxml2).
 */

const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return Object.prototype.hasOwnProperty.call(ENTITIES, ref) ? ENTITIES[ref] : whole;
  });
}

/** The part after the namespace prefix: `bt:Image` → `Image`. */
function localName(qualifiedName) {
  const colon = qualifiedName.indexOf(':');
  return colon < 0 ? qualifiedName : qualifiedName.slice(colon + 1);
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/**
 * Parses `xml` into { name, local, attrs, children, text, line, parent } nodes and returns the root.
 * `text` is the concatenated direct text content (trimmed).
 */
function parseXml(xml) {
  let pos = 0;
  let line = 1;
  const lineAt = (index) => {
    // Counting incrementally keeps parsing linear on long files.
    for (; pos < index; pos++) if (xml.charCodeAt(pos) === 10) line++;
    return line;
  };
  const doc = { name: '#document', local: '#document', attrs: {}, children: [], text: '', line: 1, parent: null };
  let current = doc;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > i) current.text += decodeEntities(xml.slice(i, textEnd));
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) throw new Error(`line ${lineAt(lt)}: unterminated comment`);
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0) throw new Error(`line ${lineAt(lt)}: unterminated CDATA`);
      current.text += xml.slice(lt + 9, end);
      i = end + 3;
    } else if (xml.startsWith('<?', lt) || xml.startsWith('<!', lt)) {
      const end = xml.indexOf('>', lt);
      if (end < 0) throw new Error(`line ${lineAt(lt)}: unterminated declaration`);
      i = end + 1;
    } else if (xml[lt + 1] === '/') {
      const end = xml.indexOf('>', lt);
      const name = xml.slice(lt + 2, end).trim();
      if (current.name !== name) {
        throw new Error(`line ${lineAt(lt)}: </${name}> does not close <${current.name}>`);
      }
      current.text = current.text.trim();
      current = current.parent;
      i = end + 1;
    } else {
      const end = findTagEnd(xml, lt);
      if (end < 0) throw new Error(`line ${lineAt(lt)}: unterminated tag`);
      const selfClosing = xml[end - 1] === '/';
      const body = xml.slice(lt + 1, selfClosing ? end - 1 : end);
      const nameMatch = /^[^\s/>]+/.exec(body);
      if (!nameMatch) throw new Error(`line ${lineAt(lt)}: element without a name`);
      const attrs = {};
      for (const m of body.slice(nameMatch[0].length).matchAll(ATTRIBUTE)) {
        attrs[m[1]] = decodeEntities(m[3] !== undefined ? m[3] : m[4]);
      }
      const node = {
        name: nameMatch[0],
        local: localName(nameMatch[0]),
        attrs,
        children: [],
        text: '',
        line: lineAt(lt),
        parent: current,
      };
      current.children.push(node);
      if (!selfClosing) current = node;
      i = end + 1;
    }
  }
  if (current !== doc) throw new Error(`<${current.name}> (line ${current.line}) is never closed`);
  const roots = doc.children;
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  roots[0].parent = null;
  return roots[0];
}

/** The `>` ending the tag that starts at `lt`, skipping `>` inside quoted attribute values. */
function findTagEnd(xml, lt) {
  let quote = null;
  for (let k = lt + 1; k < xml.length; k++) {
    const c = xml[k];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return k;
    }
  }
  return -1;
}

/** Every element below (and including) `node`, document order. */
function allElements(node) {
  const out = [node];
  for (const child of node.children) out.push(...allElements(child));
  return out;
}

/** Element path like OfficeApp/VersionOverrides/.../Control, for messages. */
function pathOf(node) {
  const parts = [];
  for (let n = node; n; n = n.parent) parts.unshift(n.local);
  return parts.join('/');
}

module.exports = { parseXml, allElements, pathOf, localName };
