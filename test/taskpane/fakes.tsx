/**
 * Fakes for the pane's tests: evaluations built by hand (the figures of the sample department,
 * arithmetic in comments), a controllable job and the host services of both modes.
 */
import * as React from 'react';
import { configure, render, type RenderResult } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import Decimal from 'decimal.js';
import type { Inspection, JobOptions, JobResult } from '../../src/app/job';
import { INPUTS } from '../../src/engine/catalogue';
import type { Evaluation, Finding, InputReading, ItemScore, Scheme } from '../../src/engine/types';
import type { WorkbookPort, WorkbookState } from '../../src/workbook/port';
import { App } from '../../src/taskpane/components/App/App';
import { PaneRoot } from '../../src/taskpane/components/PaneRoot/PaneRoot';
import type {
  BrowserServices,
  HostServices,
  OfficeServices,
  OpenedWorkbook,
} from '../../src/taskpane/services/services';

export const D = (x: string | number): Decimal => new Decimal(x);

/** Every catalogue input missing, except the ones given. */
export function readings(found: Record<string, Partial<InputReading>>): Record<string, InputReading> {
  const all: Record<string, InputReading> = {};
  for (const def of INPUTS) all[def.name] = { input: def.name, status: 'missing' };
  for (const [name, r] of Object.entries(found)) all[name] = { input: name, status: 'found', via: name, ...r };
  return all;
}

/** The sample department's required inputs (docs/sample.md): 编制数 17, 在职人员数 15 … */
export const SAMPLE_READINGS = readings({
  单位名称: { value: '忻州市某局', cell: '基础数据!B1' },
  评价年度: { value: D(2021), cell: '基础数据!B2' },
  编制数: { value: D(17), cell: '基础数据!B3' },
  在职人员数: { value: D(15), cell: '基础数据!B4' },
  全年预算数: { value: D('1922.76'), cell: '基础数据!B6' },
  全年执行数: { value: D('1855.46'), cell: '基础数据!B7' },
});

const SCHEME: Scheme = {
  name: '通用',
  items: [
    { level1: '投入', level2: '目标设定', level3: '绩效目标合理性', weight: 4, rule: { kind: 'manual' }, standard: '' },
    {
      level1: '投入',
      level2: '预算配置',
      level3: '在职人员控制率',
      weight: 4,
      rule: { kind: 'ceiling', limit: 100, perPoint: 0.4 },
      indicator: '在职人员控制率',
      standard: '',
    },
    {
      level1: '投入',
      level2: '预算配置',
      level3: '三公经费变动率',
      weight: 4,
      rule: { kind: 'ceiling', limit: 0, perPoint: 0.4 },
      indicator: '三公经费变动率',
      standard: '',
    },
    {
      level1: '过程',
      level2: '预算执行',
      level3: '预算完成率',
      weight: 4,
      rule: { kind: 'proportional' },
      indicator: '预算完成率',
      standard: '',
    },
  ],
  grades: [
    { grade: '优', min: 90 },
    { grade: '良', min: 80 },
    { grade: '中', min: 60 },
    { grade: '差', min: 0 },
  ],
  notApplicable: 'rescale',
  officialExpensesBasis: '决算口径',
};

/**
 * Scores of the sample: 在职人员控制率 15 ÷ 17 × 100% = 88.2352… → 88.24% ≤ 100% → full 4.00;
 * 预算完成率 1855.46 ÷ 1922.76 × 100% = 96.4998… → 96.50% → 4 × 0.9650 = 3.86;
 * 三公经费变动率 not applicable (上年三公经费支出数为0), left out; 绩效目标合理性 manual, not scored.
 */
function sampleItems(): ItemScore[] {
  const [manual, staff, sangong, budget] = SCHEME.items;
  return [
    { item: manual, manual: true, score: null, excluded: false },
    {
      item: staff,
      manual: false,
      score: D('4.00'),
      excluded: false,
      indicator: {
        id: '在职人员控制率',
        status: 'ok',
        formula: '在职人员数 ÷ 编制数 × 100%',
        inputs: [],
        value: D('88.24'),
      },
    },
    {
      item: sangong,
      manual: false,
      score: null,
      excluded: true,
      indicator: {
        id: '三公经费变动率',
        status: 'not_applicable',
        formula: '',
        inputs: [],
        reason: '上年三公经费支出数为0',
      },
    },
    {
      item: budget,
      manual: false,
      score: D('3.86'),
      excluded: false,
      indicator: {
        id: '预算完成率',
        status: 'ok',
        formula: '全年执行数 ÷ 全年预算数 × 100%',
        inputs: [],
        value: D('96.50'),
      },
    },
  ];
}

export function evaluation(overrides: Partial<Evaluation> = {}): Evaluation {
  const findings: Finding[] = overrides.findings ?? [];
  return {
    unit: '忻州市某局',
    year: 2021,
    inputs: SAMPLE_READINGS,
    texts: {},
    indicators: {},
    scheme: SCHEME,
    items: sampleItems(),
    total: D('86.5'),
    provisional: true,
    grade: '良',
    findings,
    blocked: findings.some((f) => f.severity === 'error'),
    ...overrides,
  };
}

export function finding(
  severity: Finding['severity'],
  code: Finding['code'],
  message: string,
  cells: string[] = [],
  inputs: Finding['inputs'] = [],
): Finding {
  return { code, severity, message, cells, inputs };
}

export const EMPTY_STATE: WorkbookState = {
  sheets: [{ name: '基础数据', visibility: 'visible', protected: false }],
  owned: {},
};

export function inspection(overrides: Partial<Inspection> = {}): Inspection {
  return {
    state: EMPTY_STATE,
    names: { all: [], values: {} },
    mapping: {},
    storedMapping: {},
    evaluation: evaluation(),
    schemeSource: '预设：通用',
    outputCandidates: [],
    ...overrides,
  };
}

export function jobResult(overrides: Partial<JobResult> = {}): JobResult {
  return {
    ...inspection(),
    written: true,
    sheets: { 指标计算: '指标计算', 评分表: '评分表', 自评报告: '自评报告', 设置: '绩效自评设置' },
    notices: [],
    conflicts: [],
    ...overrides,
  };
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export const fakePort = (): WorkbookPort => ({
  readState: jest.fn(),
  readReport: jest.fn(),
  readNames: jest.fn(),
  write: jest.fn(),
  readWindows: jest.fn(),
});

export type JobFns = {
  inspect: jest.Mock<Promise<Inspection>, [WorkbookPort, JobOptions?]>;
  runJob: jest.Mock<Promise<JobResult>, [WorkbookPort, JobOptions?]>;
};

export function fakeJob(first: Inspection = inspection()): JobFns {
  return {
    inspect: jest.fn(async (_port: WorkbookPort, _options?: JobOptions) => first),
    runJob: jest.fn(async (_port: WorkbookPort, _options?: JobOptions) => jobResult()),
  };
}

export function officeServices(job: JobFns, extra: Partial<OfficeServices> = {}): OfficeServices {
  return {
    mode: 'office',
    port: fakePort(),
    job,
    presets: ['通用', '湖南'],
    selectCell: jest.fn(async () => undefined),
    ...extra,
  };
}

export function browserServices(job: JobFns, extra: Partial<BrowserServices> = {}): BrowserServices {
  const workbook: OpenedWorkbook = { ...fakePort(), toBuffer: jest.fn(async () => new Uint8Array([80, 75, 3, 4])) };
  return {
    mode: 'browser',
    job,
    presets: ['通用', '湖南'],
    openWorkbook: jest.fn(async () => workbook),
    makeTemplate: jest.fn(async () => new Uint8Array([80, 75, 5, 6])),
    saveFile: jest.fn(),
    ...extra,
  };
}

export function renderInPane(ui: React.ReactElement, locale: 'zh-CN' | 'en-US' = 'zh-CN'): RenderResult {
  return render(
    <PaneRoot locale={locale} dark={false}>
      {ui}
    </PaneRoot>,
  );
}

export function renderApp(services: HostServices): RenderResult {
  return renderInPane(<App services={services} />);
}

// Fluent injects many CSS rules; role queries that check visibility call getComputedStyle on every
// element and become very slow in jsdom. Closed Fluent popups and panels are unmounted, not hidden,
// so skipping the check loses nothing these tests rely on.
configure({ defaultHidden: true, asyncUtilTimeout: 5000 });
// Fluent renders slowly in jsdom, more so on a busy machine.
jest.setTimeout(30_000);

/** userEvent without the per-click pointer-events check (one getComputedStyle per ancestor). */
export function user(): ReturnType<typeof userEvent.setup> {
  return userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
}
