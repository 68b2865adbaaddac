'use strict';
/**
 * Offline checks of the add-in manifest: the XSD (via xmllint-wasm, so no system tool is needed)
 * plus what the XSD cannot see (office-js-notes §7): undefined resids, non-https URLs, string
 * lengths with their overrides, icon files and pixel sizes, the GUID, and a FunctionName that the
 * commands code really registers. Every problem is reported in Chinese and English.
 */
const fs = require('fs');
const path = require('path');
const { DOMParser } = require('@xmldom/xmldom');

/**
 * The manifest as { name, local, attrs, children, text, line, parent } nodes, parsed by @xmldom/xmldom
 * (which keeps each node's line number). `text` is the element's own text and CDATA, trimmed. A file
 * that is not well-formed throws with xmldom's message.
 */
function parseXml(xml) {
  const fail = (level, message) => {
    if (level !== 'warning') throw new Error(String(message).replace(/\s*\n[\s\S]*$/, ''));
  };
  const doc = new DOMParser({ onError: fail }).parseFromString(xml, 'text/xml');
  const convert = (el, parent) => {
    const attrs = {};
    for (const a of Array.from(el.attributes)) attrs[a.name] = a.value;
    const node = {
      name: el.nodeName,
      local: el.localName || el.nodeName,
      attrs,
      children: [],
      text: '',
      line: el.lineNumber,
      parent,
    };
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === 1) node.children.push(convert(child, node));
      else if (child.nodeType === 3 || child.nodeType === 4) node.text += child.data;
    }
    node.text = node.text.trim();
    return node;
  };
  return convert(doc.documentElement, null);
}

/** Every element below (and including) `node`, document order. */
function allElements(node) {
  const out = [node];
  for (const child of node.children) out.push(...allElements(child));
  return out;
}

const REPO_ROOT = path.resolve(__dirname, '..');
const SCHEMA_ROOT = 'OfficeAppManifestV1_1.xsd';
/** The handler names src/commands registers with Office.actions.associate. */
const EXPECTED_FUNCTION_NAMES = ['runEvaluation'];
const SHORT_MAX = 125;
const LONG_MAX = 250;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Which Resources collection a resid must come from, by the element that references it. */
const RESID_KIND = {
  Image: 'Images',
  FunctionFile: 'Urls',
  SourceLocation: 'Urls',
  LearnMoreUrl: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Namespace: 'ShortStrings',
  Description: 'LongStrings',
};

/**
 * Default location of Microsoft's schemas: ../shared/office-manifest-xsd next to the repo (a clone
 * elsewhere falls back to the workplace's /work/shared). They are not vendored into the repo.
 */
function defaultXsdDir() {
  if (process.env.MANIFEST_XSD_DIR) return process.env.MANIFEST_XSD_DIR;
  const beside = path.resolve(REPO_ROOT, '..', 'shared', 'office-manifest-xsd');
  const workplace = '/work/shared/office-manifest-xsd';
  return !fs.existsSync(beside) && fs.existsSync(workplace) ? workplace : beside;
}

function problem(node, zh, en) {
  const where = node ? { zh: `第 ${node.line} 行：`, en: `line ${node.line}: ` } : { zh: '', en: '' };
  return { zh: where.zh + zh, en: where.en + en };
}

const charCount = (s) => [...s].length;

/** The value an element carries: DefaultValue / Value attribute, else its text. */
const valueOf = (node) => node.attrs.DefaultValue ?? node.attrs.Value ?? node.text;

// ---------------------------------------------------------------------------------------------
// Own checks (structure already parsed)

function checkId(root, errors) {
  const id = root.children.find((n) => n.local === 'Id');
  if (!id) errors.push(problem(root, '缺少 <Id>。', 'missing <Id>.'));
  else if (!GUID.test(id.text)) {
    errors.push(problem(id, `<Id> 必须是 GUID，实际为“${id.text}”。`, `<Id> must be a GUID, found "${id.text}".`));
  }
}

/**
 * The top-level <Requirements> decides where the add-in is listed at all: an ExcelApi minimum above 1.1
 * hides it from Office 2016 volume-licensed (1.1 only), where the pane's own message should show instead.
 */
function checkRequirements(root, errors) {
  const requirements = root.children.find((n) => n.local === 'Requirements');
  const sets = requirements ? requirements.children.filter((n) => n.local === 'Sets') : [];
  for (const set of sets.flatMap((n) => n.children.filter((c) => c.local === 'Set'))) {
    const version = set.attrs.MinVersion ?? sets[0].attrs.DefaultMinVersion ?? '1.1';
    if (set.attrs.Name === 'ExcelApi' && Number(version) > 1.1) {
      errors.push(
        problem(
          set,
          `ExcelApi 最低版本 ${version} 会让较旧的 Excel 完全看不到加载项；请去掉 <Requirements>，由任务窗格提示升级。`,
          `ExcelApi MinVersion ${version} hides the add-in entirely from older Excel; drop <Requirements> and let the pane explain.`,
        ),
      );
    }
  }
}

/** Elements whose value is a URL the client fetches or trusts. */
function urlNodes(elements) {
  const isUrlHolder = (n) =>
    ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl'].includes(n.local) ||
    (['SourceLocation', 'Image', 'Url'].includes(n.local) && n.attrs.DefaultValue !== undefined);
  const out = [];
  for (const n of elements) {
    if (isUrlHolder(n)) {
      out.push(n);
      out.push(...n.children.filter((c) => c.local === 'Override'));
    } else if (n.local === 'AppDomain') {
      out.push(n);
    }
  }
  return out;
}

function checkHttps(elements, errors) {
  const reported = new Set();
  for (const n of urlNodes(elements)) {
    const url = valueOf(n);
    if (!/^https:\/\/[^\s/]+/.test(url)) {
      reported.add(n);
      errors.push(
        problem(
          n,
          `<${n.local}> 的地址必须以 https:// 开头：“${url}”。`,
          `<${n.local}> must be an https:// URL: "${url}".`,
        ),
      );
    }
  }
  // Anything else that smuggles in an http:// address (namespace declarations are names, not URLs).
  for (const n of elements) {
    if (reported.has(n)) continue;
    const values = Object.entries(n.attrs)
      .filter(([name]) => name !== 'xmlns' && !name.startsWith('xmlns:'))
      .map(([, v]) => v)
      .concat(n.text);
    const bad = values.find((v) => /\bhttp:\/\//i.test(v));
    if (bad) {
      errors.push(
        problem(n, `<${n.local}> 含有非 https 地址：“${bad}”。`, `<${n.local}> contains a non-https URL: "${bad}".`),
      );
    }
  }
}

/** id → { kind, node } for everything declared under VersionOverrides/Resources. */
function collectResources(elements, errors) {
  const resources = new Map();
  for (const collection of elements.filter((n) => n.local === 'Resources')) {
    for (const group of collection.children) {
      for (const item of group.children) {
        const id = item.attrs.id;
        if (id === undefined) continue;
        if (resources.has(id)) {
          errors.push(problem(item, `资源 id “${id}” 重复定义。`, `resource id "${id}" is defined twice.`));
        }
        resources.set(id, { kind: group.local, node: item });
      }
    }
  }
  return resources;
}

function checkResids(elements, resources, errors) {
  for (const n of elements.filter((e) => e.attrs.resid !== undefined)) {
    const resid = n.attrs.resid;
    const found = resources.get(resid);
    const expected = RESID_KIND[n.local];
    if (!found) {
      errors.push(
        problem(
          n,
          `<${n.local}> 引用的 resid “${resid}” 未在 <Resources> 中定义。`,
          `<${n.local}> references resid "${resid}", which is not defined in <Resources>.`,
        ),
      );
    } else if (expected && found.kind !== expected) {
      errors.push(
        problem(
          n,
          `<${n.local}> 的 resid “${resid}” 应定义在 bt:${expected} 中，实际在 bt:${found.kind} 中。`,
          `<${n.local}> resid "${resid}" must be in bt:${expected}, found in bt:${found.kind}.`,
        ),
      );
    }
  }
}

function checkLength(n, value, max, errors) {
  const count = charCount(value);
  if (count === 0) {
    errors.push(problem(n, `<${n.local}> 的文字不能为空。`, `<${n.local}> text must not be empty.`));
  } else if (count > max) {
    errors.push(
      problem(
        n,
        `<${n.local}> 的文字有 ${count} 个字符，超过上限 ${max}：“${value.slice(0, 20)}…”。`,
        `<${n.local}> text has ${count} characters, more than the limit of ${max}.`,
      ),
    );
  }
}

function checkStringLengths(root, elements, errors) {
  const limited = [];
  for (const n of root.children) {
    if (n.local === 'DisplayName') limited.push([n, SHORT_MAX]);
    if (n.local === 'Description') limited.push([n, LONG_MAX]);
  }
  for (const group of elements.filter((n) => n.local === 'ShortStrings' || n.local === 'LongStrings')) {
    for (const s of group.children) limited.push([s, group.local === 'ShortStrings' ? SHORT_MAX : LONG_MAX]);
  }
  for (const [n, max] of limited) {
    checkLength(n, n.attrs.DefaultValue ?? '', max, errors);
    for (const o of n.children.filter((c) => c.local === 'Override')) checkLength(o, o.attrs.Value ?? '', max, errors);
  }
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
function pngSize(bytes) {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    return null;
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Icon URL → file under assetsDir: the part of the path after the last `/assets/`. */
function iconFile(url, assetsDir) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  const at = pathname.lastIndexOf('/assets/');
  return at < 0 ? null : path.join(assetsDir, pathname.slice(at + '/assets/'.length));
}

/** `sizes` null: an image nobody references at a size; any square will do. */
function checkIcon(n, url, sizes, assetsDir, errors) {
  const file = iconFile(url, assetsDir);
  if (!file) {
    errors.push(problem(n, `图标地址应指向 assets/ 目录：“${url}”。`, `icon URL must point into assets/: "${url}".`));
    return;
  }
  if (!fs.existsSync(file)) {
    errors.push(problem(n, `图标文件不存在：${file}（${url}）。`, `icon file not found: ${file} (${url}).`));
    return;
  }
  const size = pngSize(fs.readFileSync(file));
  if (!size) {
    errors.push(problem(n, `图标不是 PNG 文件：${file}。`, `icon is not a PNG file: ${file}.`));
  } else if (size.width !== size.height || (sizes && !sizes.includes(size.width))) {
    const want = sizes
      ? { zh: ` ${sizes.join(' 或 ')} 像素见方`, en: `a square of ${sizes.join(' or ')} px` }
      : { zh: '正方形', en: 'a square' };
    errors.push(
      problem(
        n,
        `图标 ${path.basename(file)} 为 ${size.width}×${size.height} 像素，应为${want.zh}。`,
        `icon ${path.basename(file)} is ${size.width}x${size.height} px, expected ${want.en}.`,
      ),
    );
  }
}

function checkIcons(root, elements, resources, assetsDir, errors) {
  const wanted = [];
  for (const n of root.children) {
    if (n.local === 'IconUrl') wanted.push([n, [32]]);
    if (n.local === 'HighResolutionIconUrl') wanted.push([n, [64, 80]]);
  }
  // A bt:Image resource must match every size it is referenced at (16/32/80 on the ribbon).
  const sizesByResid = new Map();
  for (const ref of elements.filter((e) => e.local === 'Image' && e.attrs.resid !== undefined)) {
    const sizes = sizesByResid.get(ref.attrs.resid) || new Set();
    sizes.add(Number(ref.attrs.size));
    sizesByResid.set(ref.attrs.resid, sizes);
  }
  for (const [id, { kind, node }] of resources) {
    if (kind !== 'Images') continue;
    const sizes = [...(sizesByResid.get(id) || [])];
    if (sizes.length > 1) {
      errors.push(
        problem(
          node,
          `图片资源 “${id}” 被用作多种尺寸（${sizes.join('、')}）。`,
          `image "${id}" is used at several sizes (${sizes.join(', ')}).`,
        ),
      );
      continue;
    }
    wanted.push([node, sizes.length ? sizes : null]);
  }
  for (const [n, sizes] of wanted) {
    for (const holder of [n, ...n.children.filter((c) => c.local === 'Override')]) {
      const url = valueOf(holder);
      if (!/^https?:\/\//.test(url)) continue; // reported by the https check
      checkIcon(holder, url, sizes, assetsDir, errors);
    }
  }
}

/**
 * The commands sources (src/commands/*.ts), or null when there are none. The name may be passed to
 * Office.actions.associate through a constant, so the check looks for the quoted name anywhere.
 */
function commandsSources(commandsDir) {
  if (!commandsDir || !fs.existsSync(commandsDir)) return null;
  const files = fs.readdirSync(commandsDir).filter((f) => /\.(ts|tsx|js)$/.test(f));
  return files.length ? files.map((f) => fs.readFileSync(path.join(commandsDir, f), 'utf8')).join('\n') : null;
}

const mentionsQuoted = (source, name) => ['"', "'", '`'].some((q) => source.includes(q + name + q));

function checkFunctions(elements, commandsDir, errors, notes) {
  const functionNodes = elements.filter((n) => n.local === 'FunctionName');
  if (functionNodes.length && !elements.some((n) => n.local === 'FunctionFile')) {
    errors.push(
      problem(
        functionNodes[0],
        '使用 ExecuteFunction 按钮时必须声明 <FunctionFile>。',
        'ExecuteFunction buttons need a <FunctionFile>.',
      ),
    );
  }
  const sources = commandsSources(commandsDir);
  if (functionNodes.length && sources === null) {
    notes.push({
      zh: `未找到命令源码（${commandsDir}），跳过 associate 注册检查。`,
      en: `no commands sources in ${commandsDir}; skipped the associate() check.`,
    });
  }
  for (const n of functionNodes) {
    if (!EXPECTED_FUNCTION_NAMES.includes(n.text)) {
      errors.push(
        problem(
          n,
          `FunctionName 为“${n.text}”，但命令代码注册的是 ${EXPECTED_FUNCTION_NAMES.join('、')}。`,
          `FunctionName is "${n.text}" but the commands code registers ${EXPECTED_FUNCTION_NAMES.join(', ')}.`,
        ),
      );
    } else if (sources !== null && !(sources.includes('.associate(') && mentionsQuoted(sources, n.text))) {
      errors.push(
        problem(
          n,
          `src/commands 中没有用 Office.actions.associate 注册“${n.text}”。`,
          `src/commands does not register "${n.text}" with Office.actions.associate.`,
        ),
      );
    }
  }
}

function runOwnChecks(xml, { assetsDir, commandsDir }) {
  const errors = [];
  const notes = [];
  let root;
  try {
    root = parseXml(xml);
  } catch (err) {
    errors.push(
      problem(null, `清单不是格式正确的 XML：${err.message}`, `the manifest is not well-formed XML: ${err.message}`),
    );
    return { errors, notes };
  }
  if (root.local !== 'OfficeApp') {
    errors.push(
      problem(
        root,
        `根元素应为 <OfficeApp>，实际为 <${root.name}>。`,
        `root element must be <OfficeApp>, found <${root.name}>.`,
      ),
    );
    return { errors, notes };
  }
  const elements = allElements(root);
  const resources = collectResources(elements, errors);
  checkId(root, errors);
  checkRequirements(root, errors);
  checkHttps(elements, errors);
  checkResids(elements, resources, errors);
  checkStringLengths(root, elements, errors);
  checkIcons(root, elements, resources, assetsDir, errors);
  checkFunctions(elements, commandsDir, errors, notes);
  return { errors, notes };
}

// ---------------------------------------------------------------------------------------------
// XSD check

/** The XSD files of the folder, the root schema first, as xmllint-wasm inputs. */
function loadSchemas(xsdDir) {
  const files = fs.readdirSync(xsdDir).filter((f) => f.endsWith('.xsd'));
  if (!files.includes(SCHEMA_ROOT)) return null;
  const read = (f) => ({ fileName: f, contents: fs.readFileSync(path.join(xsdDir, f), 'utf8') });
  return { schema: read(SCHEMA_ROOT), preload: files.filter((f) => f !== SCHEMA_ROOT).map(read) };
}

async function runSchemaCheck(xml, xsdDir) {
  if (!fs.existsSync(xsdDir) || !fs.statSync(xsdDir).isDirectory()) {
    return {
      checked: false,
      errors: [
        problem(
          null,
          `找不到清单架构目录 ${xsdDir}，无法做 XSD 校验。请放置 office-manifest-xsd 或设置环境变量 MANIFEST_XSD_DIR。`,
          `manifest schema folder ${xsdDir} not found, so the XSD check could not run. Provide office-manifest-xsd or set MANIFEST_XSD_DIR.`,
        ),
      ],
    };
  }
  const schemas = loadSchemas(xsdDir);
  if (!schemas) {
    return {
      checked: false,
      errors: [problem(null, `${xsdDir} 中没有 ${SCHEMA_ROOT}。`, `${SCHEMA_ROOT} is missing from ${xsdDir}.`)],
    };
  }
  const { validateXML } = require('xmllint-wasm');
  const result = await validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xml }],
    schema: [schemas.schema],
    preload: schemas.preload,
  });
  const errors = result.valid
    ? []
    : result.errors.map((e) => {
        const where = e.loc
          ? { zh: `第 ${e.loc.lineNumber} 行：`, en: `line ${e.loc.lineNumber}: ` }
          : { zh: '', en: '' };
        return { zh: `${where.zh}不符合 XSD 架构：${e.message}`, en: `${where.en}XSD: ${e.message}` };
      });
  return { checked: true, errors };
}

// ---------------------------------------------------------------------------------------------

/**
 * Validates the manifest file. Options: xsdDir (default MANIFEST_XSD_DIR or ../shared/office-manifest-xsd),
 * assetsDir (default: assets/ next to the manifest, else the repo's), commandsDir (default src/commands),
 * skipSchema (own checks only). Resolves { ok, errors: [{zh, en}], notes: [{zh, en}], schemaChecked }.
 */
async function validateManifest(manifestPath, options = {}) {
  const xml = fs.readFileSync(manifestPath, 'utf8');
  const besideManifest = path.join(path.dirname(path.resolve(manifestPath)), 'assets');
  const assetsDir =
    options.assetsDir || (fs.existsSync(besideManifest) ? besideManifest : path.join(REPO_ROOT, 'assets'));
  const commandsDir = options.commandsDir || path.join(REPO_ROOT, 'src', 'commands');
  const own = runOwnChecks(xml, { assetsDir, commandsDir });
  const notes = [...own.notes];
  let schema = { checked: false, errors: [] };
  if (options.skipSchema) {
    notes.push({ zh: '已按要求跳过 XSD 校验。', en: 'XSD check skipped on request.' });
  } else {
    schema = await runSchemaCheck(xml, options.xsdDir || defaultXsdDir());
  }
  const errors = [...schema.errors, ...own.errors];
  return { ok: errors.length === 0, errors, notes, schemaChecked: schema.checked };
}

module.exports = { validateManifest, runOwnChecks, pngSize, defaultXsdDir, EXPECTED_FUNCTION_NAMES };
