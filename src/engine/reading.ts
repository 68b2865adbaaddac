/**
 * Reading the catalogue inputs (docs/inputs.md "Rules for reading a value", "Aliases and mapping"):
 * which defined name stands for each input, and whether what it holds is a usable value. Plain data
 * in (the NamedValues a workbook port read), readings and findings out.
 *
 * A problem in a required input is an error (nothing is written); in an optional input a warning
 * (its indicators become not computable).
 */
import type Decimal from 'decimal.js';
import { INPUTS, type InputName } from './catalogue';
import type { FindingCode } from './findingCodes';
import { Exact } from './decimal';
import { moneyUnit, toWanyuan, type UnitRecords } from './locator/units';
import type { UnitDeclaration } from './locator/candidates';
import type {
  CellValue,
  Finding,
  InputDef,
  InputReading,
  InputsRead,
  NameMapping,
  NamedValue,
  Severity,
} from './types';

/** Every name worth asking the workbook for: canonical names, aliases, mapped names. */
export function candidateNames(mapping: NameMapping = {}): string[] {
  const names = new Set<string>();
  for (const def of INPUTS) {
    names.add(def.name);
    for (const alias of def.aliases) names.add(alias);
  }
  for (const mapped of Object.values(mapping)) if (mapped) names.add(mapped);
  return [...names];
}

type Present = Exclude<NamedValue, { kind: 'missing' }>;

/** How a source is cited: its cell `基础数据!B3`, or for a constant name `名称“编制数”`. */
export function sourceLabel(v: Present): string | undefined {
  if (v.kind === 'cell') return v.cell;
  if (v.kind === 'constant') return `名称“${v.name}”`;
  return undefined;
}

function finding(code: FindingCode, severity: Severity, message: string, input: InputName, cell?: string): Finding {
  return { code, severity, message, inputs: [input], cells: cell ? [cell] : [] };
}

/** The defined name an input is read through: the clerk's mapping, else the canonical name, else the first alias found. */
function pickSource(
  def: InputDef,
  values: Record<string, NamedValue>,
  mapping: NameMapping,
  findings: Finding[],
): Present | undefined {
  const present = (name: string): Present | undefined => {
    const v = values[name];
    return v && v.kind !== 'missing' ? v : undefined;
  };
  const mapped = mapping[def.name];
  if (mapped) {
    const v = present(mapped);
    if (v) return v;
    findings.push(
      finding(
        'mapped-name-missing',
        'warning',
        `输入项“${def.name}”映射到的名称“${mapped}”在工作簿中已不存在，改按标准名称和常用别名查找。请在“名称映射”中重新选择。`,
        def.name,
      ),
    );
  }
  for (const name of [def.name, ...def.aliases]) {
    const v = present(name);
    if (v) return v;
  }
  // A name that differs only by look-alike or invisible characters (the job asks for such names too).
  const keys = new Set([def.name, ...def.aliases].map(nameKey));
  for (const [name, v] of Object.entries(values)) {
    if (v.kind === 'missing' || !keys.has(nameKey(name))) continue;
    if ([def.name, ...def.aliases].includes(name)) continue;
    const canonical = [def.name, ...def.aliases].find((n) => nameKey(n) === nameKey(name))!;
    findings.push(
      finding(
        'name-lookalike',
        'info',
        `名称“${name}”与${canonical === def.name ? '标准名称' : '别名'}“${canonical}”只差在外观相同或不可见的字符（${describeDifference(name)}），已作为输入项“${def.name}”读取${v.kind === 'cell' ? `（${v.cell}）` : ''}。建议在“公式 → 名称管理器”中把它改为“${canonical}”。`,
        def.name,
        v.kind === 'cell' ? v.cell : undefined,
      ),
    );
    return v;
  }
  return undefined;
}

/** What makes a name look like another: the characters NFKC changes or that are invisible, as code points. */
function describeDifference(name: string): string {
  const odd = [...name].filter((ch) => ch.normalize('NFKC') !== ch || /[\p{Cf}\s]/u.test(ch));
  const codes = [...new Set(odd)].map(
    (ch) =>
      `${/[\p{Cf}\s]/u.test(ch) ? '不可见字符' : `“${ch}”`} U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
  );
  return codes.join('、') || '写法不同';
}

/**
 * The workbook's defined names that look like a candidate (same nameKey) without being it: the job asks for their
 * values too, and readInputs accepts them with a name-lookalike finding.
 */
export function lookalikeNames(defined: readonly string[], candidates: readonly string[]): string[] {
  const wanted = new Map(candidates.map((c) => [nameKey(c), c]));
  const exact = new Set(candidates);
  return [...new Set(defined.filter((n) => !exact.has(n) && wanted.has(nameKey(n))))];
}

function unitWord(def: InputDef): string {
  switch (def.kind) {
    case 'amount':
      return '金额（万元）';
    case 'count':
      return def.unit === '人' ? '人数（人）' : '件数（件）';
    case 'percent':
      return '0–100 之间的百分数（如 95）';
    case 'year':
      return '四位年份（如 2021）';
    default:
      return '文字';
  }
}

function shown(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'object') return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** Whether a number format displays percent (a `%` outside quotes and escapes). */
export function isPercentFormat(format: string | undefined): boolean {
  if (!format) return false;
  return format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .includes('%');
}

/**
 * Whether a number format shows a date or a time (y, m, d, h, s outside quotes, escapes and [..] sections such as
 * colours and locales; an elapsed time [h] counts). Such a cell holds a serial day number, not an amount.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || /^general$/i.test(format)) return false;
  const plain = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_.|\*./g, '');
  return /[ymdhs]/i.test(plain.replace(/e[+-]/gi, ''));
}

/** A defined name as compared for look-alikes: NFKC (Kangxi radicals, full-width), no invisible characters or spaces. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\p{Cf}\s]/gu, '')
    .toLowerCase();
}

interface TextNumber {
  digits: string;
  percent: boolean;
}

/**
 * A number typed as text: "174.56", "1,922.76", " 15 ", full-width "１５", with the input's own unit
 * ("20.8万元", "15人", "2021年") or a percent sign. Anything else is not a number.
 */
export function numberFromText(raw: string, def: InputDef): TextNumber | undefined {
  let s = raw
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[\u2212\u2012\u2013]/g, '-');
  if (def.kind === 'year') s = s.replace(/年度?$/, '');
  else if (def.unit && def.unit !== '%' && s.endsWith(def.unit)) s = s.slice(0, -def.unit.length);
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  if (!/^[+-]?((\d{1,3}(,\d{3})+|\d+)(\.\d*)?|\.\d+)$/.test(s)) return undefined;
  return { digits: s.replace(/,/g, ''), percent };
}

type Checked = { ok: true; value: Decimal; fromText?: string } | { ok: false; problem: string };

/** Parse and check one numeric value against the rules of its kind. */
function checkNumber(def: InputDef, v: CellValue, numberFormat: string | undefined, where: string): Checked {
  if (v !== null && typeof v === 'object') {
    return {
      ok: false,
      problem: `${where}是错误值 ${v.error}，请检查该单元格的公式或数据后重新填写${unitWord(def)}。`,
    };
  }
  if (typeof v === 'boolean') {
    return {
      ok: false,
      problem: `${where}是逻辑值 ${shown(v)}（是/否），不是数字，请填写${unitWord(def)}。`,
    };
  }
  if (typeof v === 'number' && isDateFormat(numberFormat)) {
    return {
      ok: false,
      problem: `${where}是日期或时间格式（${numberFormat}），显示为日期，实际存的是序号 ${v}，不能当作${unitWord(def)}读取。请把该单元格改为数值格式，再填写${unitWord(def)}。`,
    };
  }
  let value: Decimal;
  let fromText: string | undefined;
  if (typeof v === 'string') {
    const t = numberFromText(v, def);
    if (!t || (t.percent && def.kind !== 'percent')) {
      return { ok: false, problem: `${where}的值“${v.trim()}”不是数字，请填写${unitWord(def)}。` };
    }
    value = new Exact(t.digits);
    fromText = v;
  } else {
    value = new Exact(v as number);
    // A percent-formatted cell holds the fraction: 0.95 shows as 95%.
    if (def.kind === 'percent' && isPercentFormat(numberFormat)) value = value.times(100);
  }
  const display = fromText !== undefined ? `“${fromText.trim()}”` : shown(v);
  switch (def.kind) {
    case 'year':
      if (!value.isInteger() || value.lt(1900) || value.gt(2100)) {
        return { ok: false, problem: `${where}的值 ${display} 不是有效的年度，请填写${unitWord(def)}。` };
      }
      break;
    case 'percent':
      if (value.lt(0) || value.gt(100)) {
        return {
          ok: false,
          problem: `${where}的值 ${display} 超出 0–100 的范围，请填写${unitWord(def)}，或把单元格设为百分比格式。`,
        };
      }
      break;
    case 'count':
      if (value.isNegative() && !value.isZero())
        return {
          ok: false,
          problem: `${where}的值 ${display} 为负数，${def.unit === '人' ? '人数' : '件数'}不能为负数。`,
        };
      if (!value.isInteger())
        return {
          ok: false,
          problem: `${where}的值 ${display} 不是整数，${def.unit === '人' ? '人数' : '件数'}应为整数。`,
        };
      break;
    case 'amount':
      if (value.isNegative() && !value.isZero())
        return { ok: false, problem: `${where}的值 ${display} 为负数，金额不能为负数，请检查。` };
      break;
  }
  return { ok: true, value: value.isZero() ? new Exact(0) : value, fromText };
}

function invalidReferenceProblem(def: InputDef, v: Extract<NamedValue, { kind: 'invalid-reference' }>): string {
  const head = `输入项“${def.name}”的名称“${v.name}”`;
  switch (v.problem) {
    case 'multi-cell':
      return `${head}引用了多个单元格（${v.refersTo}），应只引用一个单元格（或一个合并单元格）。请在“公式 → 名称管理器”中修改该名称。`;
    case 'ref-error':
      return `${head}的引用无效（${v.refersTo}），所指的单元格或工作表可能已被删除。请在“公式 → 名称管理器”中重新定义该名称。`;
    default:
      return `${head}引用的是公式“${v.refersTo}”，不是一个单元格。请在“公式 → 名称管理器”中让该名称引用数据所在的单元格。`;
  }
}

function missingMessage(def: InputDef, emptyCell?: string): string {
  const unit = def.unit ? `，单位：${def.unit}` : '';
  if (emptyCell) return `必填输入项“${def.name}”所在的单元格 ${emptyCell} 是空的，请填写${unitWord(def)}。`;
  return `缺少必填输入项“${def.name}”（${def.meaning}${unit}）。请在“公式 → 名称管理器”中定义名称“${def.name}”指向该数据所在的单元格，或在“名称映射”中选择工作簿中已有的名称。`;
}

function readOne(
  def: InputDef,
  values: Record<string, NamedValue>,
  mapping: NameMapping,
  findings: Finding[],
  units: UnitRecords,
  unitAt: UnitLookup | undefined,
): InputReading {
  const source = pickSource(def, values, mapping, findings);
  const severity: Severity = def.required ? 'error' : 'warning';
  const invalid = (problem: string, cell?: string, via?: string): InputReading => {
    findings.push(finding('invalid-input', severity, problem, def.name, cell));
    return { input: def.name, status: 'invalid', problem, cell, via };
  };
  const missing = (cell?: string, via?: string): InputReading => {
    if (def.required) findings.push(finding('missing-input', 'error', missingMessage(def, cell), def.name, cell));
    else if (def.kind === 'text') {
      findings.push(
        finding(
          'missing-text',
          'info',
          `报告文字“${def.name}”未提供：自评报告中该部分写明了需要补充的内容。如需自动填入，请定义名称“${def.name}”指向写有该段文字的单元格。`,
          def.name,
          cell,
        ),
      );
    }
    const r: InputReading = { input: def.name, status: 'missing' };
    if (cell) r.cell = cell;
    if (via) r.via = via;
    return r;
  };
  if (!source) return missing();

  const via = source.name;
  const also = source.alsoOnSheets ?? [];
  const sheets = also.map((s) => `“${s}”`).join('、');
  if (source.scope.kind === 'worksheet' && also.length) {
    const problem = `名称“${via}”只在工作表“${source.scope.sheet}”、${sheets}上分别定义，无法确定输入项“${def.name}”应采用哪一个。请在“公式 → 名称管理器”中只保留一个，或改为工作簿级名称。`;
    findings.push(finding('name-scope', severity, problem, def.name, source.kind === 'cell' ? source.cell : undefined));
    return { input: def.name, status: 'invalid', problem, cell: sourceLabel(source), via };
  }
  if (source.kind === 'invalid-reference') return invalid(invalidReferenceProblem(def, source), undefined, via);

  const label = sourceLabel(source)!;
  const cell = source.kind === 'cell' ? source.cell : undefined;
  if (source.scope.kind === 'workbook' && also.length) {
    findings.push(
      finding(
        'name-scope',
        'info',
        `名称“${via}”在工作簿级和工作表${sheets}上都有定义，已采用工作簿级的名称（${label}）。`,
        def.name,
        cell,
      ),
    );
  }
  const where = `输入项“${def.name}”（${label}）`;
  const raw = source.value;
  if (source.kind === 'cell' && source.formula && raw === null)
    return invalid(
      `${where}是公式，但文件中没有保存它的计算结果（文件可能由其他程序生成）。请在 Excel 或 WPS 中打开该文件、保存一次，再重新运行。`,
      cell,
      via,
    );

  if (def.kind === 'text') {
    if (raw !== null && typeof raw === 'object')
      return invalid(`${where}是错误值 ${raw.error}，请检查该单元格。`, cell, via);
    const text = raw === null ? '' : shown(raw).trim();
    if (!text) return missing(cell, via);
    return { input: def.name, status: 'found', value: text, cell: label, via };
  }

  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return missing(cell, via);
  const checked = checkNumber(def, raw, source.kind === 'cell' ? source.numberFormat : undefined, where);
  if (!checked.ok) return invalid(checked.problem, cell, via);
  if (checked.fromText !== undefined) {
    findings.push(
      finding(
        'number-as-text',
        'info',
        `${where}的数字以文本形式保存（“${checked.fromText.trim()}”），已按 ${checked.value.toString()} 读取。建议把该单元格改为数值格式。`,
        def.name,
        cell,
      ),
    );
  }
  if (def.kind === 'percent' && checked.value.gt(0) && checked.value.lte(1) && checked.fromText === undefined) {
    findings.push(
      finding(
        'satisfaction-fraction',
        'warning',
        `${where}的值为 ${checked.value.toString()}，按 ${checked.value.toString()}% 计算；如果指的是 ${checked.value.times(100).toString()}%，请填写 ${checked.value.times(100).toString()} 或把单元格设为百分比格式。`,
        def.name,
        cell,
      ),
    );
  }
  const record = def.kind === 'amount' ? units[def.name] : undefined;
  const from = record && moneyUnit(record.unit);
  // No record for this cell: the unit its sheet, column or neighbours declare (engine/locator), if any.
  const context = def.kind === 'amount' && cell && (!record || record.cell !== cell) ? unitAt?.(cell) : undefined;
  if (context && context.unit !== '万元') {
    const value = toWanyuan(checked.value, context.unit);
    findings.push(
      finding(
        'unit-converted',
        'info',
        `${where}所在的表格声明了单位“${context.unit}”（${context.cell}“${context.text}”），已换算为万元：${checked.value.toString()} ${context.unit} = ${value.toString()} 万元。如该单元格其实是万元，请把它的数字格式设为 0.00"万元"，或在它右边的单元格写上“万元”。`,
        def.name,
        cell,
      ),
    );
    return { input: def.name, status: 'found', value, cell: label, via };
  }
  if (record && from && from !== '万元') {
    if (record.cell === cell) {
      const value = toWanyuan(checked.value, from);
      findings.push(
        finding(
          'unit-converted',
          'info',
          `${where}按工作簿中的单位“${from}”填写，已换算为万元：${checked.value.toString()} ${from} = ${value.toString()} 万元。`,
          def.name,
          cell,
        ),
      );
      return { input: def.name, status: 'found', value, cell: label, via };
    }
    findings.push(
      finding(
        'unit-record-stale',
        'warning',
        `输入项“${def.name}”记录的单位“${from}”是对单元格 ${record.cell} 而言的，名称现在指向 ${label}：未换算，按万元读取。如该单元格也以${from}为单位，请在任务窗格中重新“自动识别”。`,
        def.name,
        cell,
      ),
    );
  }
  return { input: def.name, status: 'found', value: checked.value, cell: label, via };
}

/**
 * The unit a cell's context declares (engine/locator namedAmountUnit over the window of its sheet):
 * `决算数据!B3` → 元, declared by 决算数据!A2 “金额单位：元”.
 */
export type UnitLookup = (cell: string) => UnitDeclaration | undefined;

/**
 * Read and validate every catalogue input from the values a workbook port resolved. An amount is
 * converted to 万元 when the settings record its unit for that very cell (自动识别), else when its
 * context declares one (`unitAt`) — never both.
 */
export function readInputs(
  values: Record<string, NamedValue>,
  mapping: NameMapping = {},
  units: UnitRecords = {},
  unitAt?: UnitLookup,
): InputsRead {
  const readings: Record<string, InputReading> = {};
  const findings: Finding[] = [];
  for (const def of INPUTS) readings[def.name] = readOne(def, values, mapping, findings, units, unitAt);
  return { readings, findings };
}
