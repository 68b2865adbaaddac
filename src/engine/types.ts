/**
 * The shapes every part of the project shares. The engine turns plain data (what the workbook
 * port read) into an Evaluation; sheets/ turns an Evaluation into layouts; hosts only move data.
 */
import type { FindingCode } from './findingCodes';
import type { InputName } from './catalogue';
import type Decimal from 'decimal.js';

// ---------------------------------------------------------------------------------------------
// Raw values as a host read them (no Decimal here: this crosses the host boundary)
// ---------------------------------------------------------------------------------------------

/** An Excel error value such as #DIV/0!, #N/A, #REF!. */
export interface CellError {
  error: string;
}

/** What a single cell (or a constant name) holds, as the host reports it. */
export type CellValue = number | string | boolean | null | CellError;

/** Where a defined name lives. */
export type NameScope = { kind: 'workbook' } | { kind: 'worksheet'; sheet: string };

/** One defined name of the workbook, as listed by the host. */
export interface DefinedName {
  name: string;
  scope: NameScope;
  /** The reference text without '=', e.g. `基础数据!$B$3`, `'预算 表'!$B$3:$C$4`, `#REF!$B$3`, `15`. */
  refersTo: string;
  hidden?: boolean;
}

/**
 * What one requested name resolved to. Resolution picks the workbook-scoped name first, then a
 * sheet-scoped one; the engine turns this into a validated input (rules of docs/inputs.md).
 */
export type NamedValue =
  | { kind: 'missing'; name: string }
  | {
      kind: 'cell';
      name: string;
      scope: NameScope;
      /** The cell as the clerk reads it, unquoted sheet and relative address: `基础数据!B3`. */
      cell: string;
      value: CellValue;
      /** Number format of the cell (e.g. `0.00%`), when the host knows it. */
      numberFormat?: string;
      /** The cell holds a formula (`value` is then its cached result, null when the file has none). */
      formula?: boolean;
      /** Sheets that define the same name too (only reported when the workbook scope won or several sheets do). */
      alsoOnSheets?: string[];
    }
  | {
      kind: 'constant';
      name: string;
      scope: NameScope;
      /** The constant, evaluated (`=15` → 15, `="忻州"` → 忻州). */
      value: CellValue;
      refersTo: string;
      alsoOnSheets?: string[];
    }
  | {
      kind: 'invalid-reference';
      name: string;
      scope: NameScope;
      refersTo: string;
      /** multi-cell: several cells; ref-error: #REF!; not-a-range: a formula that is not a reference. */
      problem: 'multi-cell' | 'ref-error' | 'not-a-range';
      alsoOnSheets?: string[];
    };

// ---------------------------------------------------------------------------------------------
// The input catalogue
// ---------------------------------------------------------------------------------------------

export type InputKind = 'text' | 'year' | 'amount' | 'count' | 'percent';
export type InputGroup = '基本信息' | '人员编制' | '预算执行' | '产出' | '文字说明';

export interface InputDef<N extends string = InputName> {
  /** Canonical defined name, e.g. 全年预算数. */
  name: N;
  meaning: string;
  kind: InputKind;
  /** Display unit: 万元, 人, 件, %, 年, or '' for text. */
  unit: string;
  required: boolean;
  group: InputGroup;
  /** Other defined names that mean the same input, most common first. */
  aliases: string[];
}

/** The outcome of reading one catalogue input through its name (after validation). */
export interface InputReading {
  input: string;
  status: 'found' | 'missing' | 'invalid';
  /** Numeric inputs: a Decimal; text inputs: a string; year: a Decimal integer. */
  value?: Decimal | string;
  /** Source cell `基础数据!B3`, or for a constant name `名称 编制数` (see sourceLabel). */
  cell?: string;
  /** The defined name actually used (canonical, alias or a mapped name). */
  via?: string;
  /** Why it is invalid, in Chinese, naming the input and the cell. */
  problem?: string;
}

// ---------------------------------------------------------------------------------------------
// Indicators
// ---------------------------------------------------------------------------------------------

export type IndicatorStatus = 'ok' | 'not_applicable' | 'not_computable';

export interface TraceInput {
  input: InputName;
  value: Decimal | null;
  cell?: string;
}

export interface QuarterProgress {
  quarter: 1 | 2 | 3 | 4;
  /** 累计支出 of the quarter. */
  spent: Decimal;
  cell?: string;
  /** Rounded cumulative progress in percent (2 dp). */
  progress: Decimal;
  exact: Decimal;
  /** 序时进度 25/50/75/100. */
  target: Decimal;
  lagging: boolean;
}

export interface IndicatorResult {
  id: string;
  status: IndicatorStatus;
  /** The formula in words: `在职人员数 ÷ 编制数 × 100%`. */
  formula: string;
  inputs: TraceInput[];
  numerator?: Decimal;
  denominator?: Decimal;
  /** Unrounded quotient × 100. */
  exact?: Decimal;
  /** Rounded once, half-up, to 2 decimals (percent). */
  value?: Decimal;
  /** not_applicable: why, in Chinese (e.g. 上年三公经费支出数为0). not_computable: 缺少… or the problems of the invalid inputs. */
  reason?: string;
  /** not_computable: the missing or invalid inputs. */
  missing?: InputName[];
  /** 三公经费变动率 only. */
  basis?: '决算口径' | '预算口径';
  /** 支付进度率 only: one row per quarter with data. */
  quarters?: QuarterProgress[];
}

// ---------------------------------------------------------------------------------------------
// Schemes and scoring
// ---------------------------------------------------------------------------------------------

export interface Band {
  /** Lower bound in percent; absent = -∞. */
  min?: number;
  minIncluded?: boolean;
  /** Upper bound in percent; absent = +∞. */
  max?: number;
  maxIncluded?: boolean;
  score: number;
}

export type Rule =
  | { kind: 'proportional'; target?: number }
  | { kind: 'ceiling'; limit: number; perPoint: number }
  | { kind: 'bands'; bands: Band[] }
  | { kind: 'quarterly' }
  | { kind: 'manual' };

export interface SchemeItem {
  level1: string;
  level2: string;
  level3: string;
  /** 分值 */
  weight: number;
  rule: Rule;
  /** The indicator id this item scores (absent for a manual item). */
  indicator?: string;
  /** 评分标准 text shown in the 评分表. */
  standard: string;
}

export interface GradeBand {
  grade: string;
  /** Lowest displayed total that earns the grade (inclusive). */
  min: number;
}

export interface Scheme {
  name: string;
  description?: string;
  items: SchemeItem[];
  /** Highest first: 优 90, 良 80, 中 60, 差 0. */
  grades: GradeBand[];
  /** What a not-applicable item does: left out and the total rescaled, or counted as full marks. */
  notApplicable: 'rescale' | 'full';
  /** 三公经费变动率 basis. */
  officialExpensesBasis: '决算口径' | '预算口径';
}

export interface ItemScore {
  item: SchemeItem;
  indicator?: IndicatorResult;
  /** manual: scored by the clerk (a manual rule, or a not-computable indicator). */
  manual: boolean;
  /** The score (2 dp) or null for a manual item not yet scored. */
  score: Decimal | null;
  /** Left out of the total (not applicable, rescale mode). */
  excluded: boolean;
  /** The clerk's score typed in the 评分表, when there is one. */
  manualScore?: Decimal;
  /** The clerk's note typed in the 评分表 (扣分原因…). */
  note?: string;
  /** Why points were lost, in Chinese, generated from the rule. */
  deduction?: string;
}

// ---------------------------------------------------------------------------------------------
// Findings and the evaluation
// ---------------------------------------------------------------------------------------------

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
  /** The catalogue inputs it concerns. */
  inputs: InputName[];
  cells: string[];
  /** For warnings that feed the narrative: the problem and the measure, in report wording. */
  problem?: string;
  measure?: string;
}

/** Entries the clerk typed in a previous 评分表, keyed by 三级指标. */
export interface ManualEntries {
  scores: Record<string, number>;
  notes: Record<string, string>;
}

/**
 * Where a scheme came from, for wording its problems: the label that starts each message and, for a
 * scheme read from a sheet, the sheet row (1-based) of each item. Without rows, items are numbered 1…n.
 */
export interface SchemeOrigin {
  label: string;
  rows?: ReadonlyMap<SchemeItem, number>;
}

export interface EvaluationOptions {
  scheme: Scheme;
  manual?: ManualEntries;
  /** Default: 评分方案"<name>" with items numbered 1…n. */
  schemeOrigin?: SchemeOrigin;
}

export interface Evaluation {
  unit: string;
  year: number;
  inputs: Record<string, InputReading>;
  texts: Record<string, string | undefined>;
  indicators: Record<string, IndicatorResult>;
  scheme: Scheme;
  items: ItemScore[];
  /** Sum of item scores (rescaled when not-applicable items are left out), 2 dp. */
  total: Decimal;
  provisional: boolean;
  grade: string;
  findings: Finding[];
  /** True when any finding is an error: nothing may be written. */
  blocked: boolean;
}

/** The catalogue inputs as read and validated (engine/reading.ts), before any indicator is computed. */
export interface InputsRead {
  readings: Record<string, InputReading>;
  /** Findings of reading: invalid inputs (error when required), number-as-text, name scope notes. */
  findings: Finding[];
}

/** Which workbook name the clerk mapped to which input (stored in the workbook, sheets/设置). */
export type NameMapping = Record<string, string>;
