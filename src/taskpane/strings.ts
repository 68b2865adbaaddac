/**
 * Every text the task pane shows, zh-CN first with an en-US table of the same shape. Messages that
 * come from the engine or the adapters (findings, WorkbookError) are Chinese already and pass through.
 */
import { createContext, useContext } from 'react';
import type { JobStep } from '../app/job';
import type { IndicatorStatus, InputGroup, InputReading, Severity } from '../engine/types';

export type Locale = 'zh-CN' | 'en-US';

const zhCN = {
  appTitle: '绩效自评助手',
  loading: '正在加载…',
  officeLoadFailed: 'Office 组件未能加载，请检查网络或联系管理员。',
  wrongHost: '本加载项只能在 Excel 中使用。',

  inputsTitle: '输入数据',
  groups: {
    基本信息: '基本信息',
    人员编制: '人员编制',
    预算执行: '预算执行',
    产出: '产出',
    文字说明: '文字说明',
  } as Record<InputGroup, string>,
  groupSummary: (found: number, total: number) => `已找到 ${found}/${total}`,
  inputStatus: { found: '已找到', missing: '缺失', invalid: '无效' } as Record<InputReading['status'], string>,
  required: '必填',
  colInput: '输入',
  colStatus: '状态',
  colValueAndCell: '值（单元格）',
  viaName: (name: string) => `名称：${name}`,
  selectCell: (cell: string) => `在 Excel 中选中 ${cell}`,
  selectCellFailed: (cell: string) => `无法选中 ${cell}：该工作表或单元格可能已被删除或改名。`,

  schemeLabel: '评分方案',
  schemeWorkbook: '工作簿中的评分方案',
  schemePreset: (name: string) => `预设：${name}`,
  schemeFile: (name: string) => `文件：${name}`,
  schemeUpload: '从 JSON 文件导入评分方案',
  schemeFileInvalid: (name: string) => `"${name}"不是有效的评分方案 JSON 文件，请检查后重新选择。`,

  run: '计算指标',
  reread: '重新读取',
  undoNote: '写入后不能用"撤销"恢复。本加载项只替换自己创建的工作表，不会改动您的工作表。',
  // The job's steps (src/app/job.ts JobStep) as the clerk reads them.
  steps: {
    'read-state': '读取工作簿',
    'read-names': '读取名称',
    evaluate: '计算指标',
    layout: '生成表格',
    write: '写入工作簿',
    done: '完成',
  } as Record<JobStep, string>,
  progressLabel: '进度',

  resultTitle: '评价结果',
  total: '自评得分',
  grade: '评价等级',
  provisional: '暂定',
  provisionalHint: (items: string[]) =>
    `以下人工评分项尚未评分，暂按 0 分计：${items.join('、')}。请在"评分表"中填写得分后再次点击"计算指标"。`,
  schemeUsed: (source: string) => `评分方案：${source}`,
  writtenSheets: (names: string[]) => `已写入工作表：${names.join('、')}`,
  keptParagraphs: (n: number) => `保留了您修改的 ${n} 段：`,
  staleFigure: (was: string, now: string) => `是您修改过的段落，其中“${was}”现应为“${now}”，请核对。`,
  indicatorTable: '指标得分',
  colIndicator: '指标',
  colIndicatorValue: '指标值',
  colScore: '得分/分值',
  indicatorStatus: { ok: '正常', not_applicable: '不适用', not_computable: '无法计算' } as Record<
    IndicatorStatus,
    string
  >,
  manualItem: '人工评分',
  notScored: '未评分',
  excluded: '不计分',

  findingsTitle: '检查结果',
  severity: { error: '错误', warning: '警告', info: '提示' } as Record<Severity, string>,
  severityCount: (label: string, n: number) => `${label}（${n}）`,
  noFindings: '未发现问题。',

  blockingTitle: '以下问题阻止了写入，工作簿未作任何改动',
  blockingNextMissing: (input: string) =>
    `请在"公式 → 名称管理器"中定义名称"${input}"，或在下方"名称映射"中选择工作簿中已有的名称。`,
  blockingNextFix: '请修改上述单元格后再次点击"计算指标"。',

  autoLocateTitle: '自动识别',
  autoLocateHint:
    '以下输入项在工作簿中还没有名称。按单元格旁的标签找到了它们的位置：请核对后勾选，点击“确认并定义名称”即为勾选的单元格定义名称（在“公式 → 名称管理器”中可见）并计算指标。单元格内容不会改动。',
  autoLocateConfirm: '确认并定义名称',
  autoLocateCandidate: (label: string, cellAndValue: string) => `“${label}”  ${cellAndValue}`,
  autoLocateValue: (value: string | null, unit: string, kind: string) =>
    value === null
      ? '（空）'
      : kind === 'amount'
        ? `${value} 万元${unit && unit !== '万元' ? `（原单位：${unit}）` : ''}`
        : `${String(value).slice(0, 20)}${String(value).length > 20 ? '…' : ''}`,
  autoLocateLow: '可信度低，请核对',
  autoLocateChoose: '有多处可能，请选择',
  autoLocateNone: '不使用',
  autoLocateMissing: '未找到',
  autoLocateUseSelection: '使用选中单元格',
  autoLocateAddress: '单元格地址（如 基础数据!B6）',
  autoLocatePreview: '查看',
  autoLocateNoSuchCell: '没有这个单元格，请输入“工作表名!单元格”，如 基础数据!B6。',
  autoLocateSupplement: '补充缺少的数据',
  autoLocateSupplementHint: (inputs: string[]) =>
    `工作簿中没有找到：${inputs.join('、')}。点击“补充缺少的数据”会新建一个工作表，列出这些项目并为每项准备一个带名称的黄色单元格；现有单元格不会改动。`,
  autoLocateSupplied: (sheet: string, count: number) =>
    `已新建工作表“${sheet}”，其中 ${count} 个黄色单元格已定义名称。请在黄色单元格中填写数据，然后点击“计算指标”。`,
  autoLocateSuppliedBrowser: (sheet: string, count: number) =>
    `已新建工作表“${sheet}”，其中 ${count} 个黄色单元格已定义名称。请点击“下载结果”，在 Excel 或 WPS 中填写黄色单元格并保存，再在本页打开该文件，点击“计算指标”。`,
  namedOutputsTitle: '写入您命名的单元格',
  namedOutputsHint:
    '工作簿中以下单元格的名称与计算结果同名。勾选后，点击“计算指标”即把结果写入勾选的单元格（替换其原有内容），并记在工作簿中，以后再次计算仍写入。未勾选的单元格不会改动。',
  namedOutputsCell: (name: string, cell: string, content: string | null, formula: boolean) =>
    `${name}  ${cell}  ${formula ? `公式，当前结果：${content ?? '（空）'}` : `当前内容：${content ?? '（空）'}`}`,
  namedOutputsFormula: '含公式，不会覆盖。如需写入结果，请删除公式或换一个单元格。',
  mappingTitle: '名称映射',
  mappingHint: '为缺失或无效的输入选择工作簿中已有的名称。映射保存在工作簿中，下次以及同事打开时无需再设置。',
  mappingPlaceholder: '选择名称',
  mappingShowOptional: (n: number) => `显示缺失的可选输入（${n} 项）`,
  mappingNoNames: '工作簿中没有可供映射的名称。',
  saveMapping: '保存映射',
  mappingSaved: '映射已保存',
  mappingNotSaved: '映射未保存：仍有阻止写入的问题（见上方列表）。',

  conflictTitle: '工作表名称已被占用',
  conflictBody: (names: string[]) =>
    `工作簿中已有以下工作表，但它们不是本加载项创建的：${names.join('、')}。本加载项不会改动它们，而是写入新的工作表（例如"${names[0]} (2)"）。`,
  conflictContinue: '写入新工作表',
  cancel: '取消',

  partialWrite: '工作表可能只写入了一部分，请再次点击"计算指标"修复。',
  unexpectedError: (message: string) => `出现意外错误：${message}。请重试；仍失败请把这段信息反馈给开发人员。`,

  openWorkbook: '打开工作簿',
  openOtherWorkbook: '打开其他工作簿',
  dropZone: '把 .xlsx 文件拖到这里，或点击"打开工作簿"',
  privacyNote: '文件只在本机浏览器中处理，不会上传到任何地方。',
  openingWorkbook: '正在读取工作簿…',
  notXlsx: (name: string) => `"${name}"不是 .xlsx 文件。请在 Excel 或 WPS 中另存为 .xlsx 格式后再打开。`,
  openFailed: (name: string, message: string) => `无法读取"${name}"：${message}`,
  currentFile: (name: string) => `当前工作簿：${name}`,
  downloadResult: '下载结果',
  downloadTemplate: '下载模板',
  resultFileName: (base: string) => `${base}-自评结果.xlsx`,
  templateFileName: '绩效自评-输入模板.xlsx',
  downloadFailed: (message: string) => `无法生成下载文件：${message}`,

  reportTitle: 'Word 报告',
  reportHint: '按公文格式（GB/T 9704）生成自评报告，正文取自“自评报告”表（含您的修改），附部门整体支出绩效自评表。',
  exportWord: '导出 Word 报告',
  copyReport: '复制报告',
  reportWorking: '正在生成报告…',
  reportSaved: (fileName: string) => `已生成“${fileName}”，请在下载中查看。`,
  reportCopied: '报告已复制：在 Word 或 WPS 文字中新建文档并粘贴，字体、字号和缩进随之保留。',
  reportSource: (sheet: string | null) =>
    sheet ? `正文取自工作表“${sheet}”，包括您的修改。` : '工作簿中还没有“自评报告”表，正文按当前数据生成。',
  reportBlocked: '工作簿中有阻止计算的问题（见下方列表），未生成报告。请修改后再试。',
  reportSaveFailed: (message: string) =>
    `无法下载（${message}）：此环境可能不允许下载文件。请改用“复制报告”，再粘贴到 Word 或 WPS 文字中。`,
  reportCopyFailed: (message: string) => `无法写入剪贴板（${message}）。请改用“导出 Word 报告”。`,

  outcomeTitle: '计算指标',
  outcomeWritten: (total: string, grade: string) => `自评得分 ${total}，评价等级：${grade}`,
  outcomeBlocked: '以下问题阻止了写入，工作簿未作任何改动：',
  outcomeMore: (n: number) => `另有 ${n} 个问题，请打开任务窗格查看。`,
  outcomeProvisional: '得分为暂定：仍有人工评分项未评分，请在"评分表"中填写得分后再次计算。',
  outcomeFailed: '未能完成计算：',
  close: '关闭',
};

export type Strings = typeof zhCN;

const enUS: Strings = {
  appTitle: 'Performance self-evaluation',
  loading: 'Loading…',
  officeLoadFailed: 'Office components could not be loaded. Check the network or contact your administrator.',
  wrongHost: 'This add-in works in Excel only.',

  inputsTitle: 'Inputs',
  groups: {
    基本信息: 'Basic information',
    人员编制: 'Staffing',
    预算执行: 'Budget execution',
    产出: 'Outputs',
    文字说明: 'Report texts',
  },
  groupSummary: (found, total) => `${found}/${total} found`,
  inputStatus: { found: 'Found', missing: 'Missing', invalid: 'Invalid' },
  required: 'required',
  colInput: 'Input',
  colStatus: 'Status',
  colValueAndCell: 'Value (cell)',
  viaName: (name) => `name: ${name}`,
  selectCell: (cell) => `Select ${cell} in Excel`,
  selectCellFailed: (cell) => `Cannot select ${cell}: the sheet or cell may have been deleted or renamed.`,

  schemeLabel: 'Scoring scheme',
  schemeWorkbook: 'Scheme in the workbook',
  schemePreset: (name) => `Preset: ${name}`,
  schemeFile: (name) => `File: ${name}`,
  schemeUpload: 'Import a scheme from a JSON file',
  schemeFileInvalid: (name) => `"${name}" is not a valid scheme JSON file. Check it and choose it again.`,

  run: 'Compute indicators',
  reread: 'Read again',
  undoNote: 'Undo cannot reverse the write. The add-in replaces only the sheets it created, never yours.',
  steps: {
    'read-state': 'Reading the workbook',
    'read-names': 'Reading names',
    evaluate: 'Computing indicators',
    layout: 'Building tables',
    write: 'Writing the workbook',
    done: 'Done',
  },
  progressLabel: 'Progress',

  resultTitle: 'Result',
  total: 'Score',
  grade: 'Grade',
  provisional: 'Provisional',
  provisionalHint: (items) =>
    `These manual items are not scored yet and count 0: ${items.join(', ')}. Enter their scores in 评分表 and compute again.`,
  schemeUsed: (source) => `Scheme: ${source}`,
  writtenSheets: (names) => `Sheets written: ${names.join(', ')}`,
  keptParagraphs: (n) => `Kept ${n} paragraph${n === 1 ? '' : 's'} you edited: `,
  staleFigure: (was, now) => `is a paragraph you edited; “${was}” there should now read “${now}”. Please check.`,
  indicatorTable: 'Indicator scores',
  colIndicator: 'Indicator',
  colIndicatorValue: 'Value',
  colScore: 'Score/weight',
  indicatorStatus: { ok: 'OK', not_applicable: 'Not applicable', not_computable: 'Not computable' },
  manualItem: 'Manual',
  notScored: 'Not scored',
  excluded: 'Excluded',

  findingsTitle: 'Checks',
  severity: { error: 'Errors', warning: 'Warnings', info: 'Notes' },
  severityCount: (label, n) => `${label} (${n})`,
  noFindings: 'No problems found.',

  blockingTitle: 'These problems stopped the write; the workbook was not changed',
  blockingNextMissing: (input) =>
    `Define the name "${input}" in Formulas → Name Manager, or pick an existing name under "Name mapping" below.`,
  blockingNextFix: 'Correct the cells above, then compute again.',

  autoLocateTitle: 'Find by labels',
  autoLocateHint:
    'These inputs have no name yet. Their cells were found by the labels beside them: check, tick and click "Confirm and define names" to name the ticked cells and compute. No cell is changed.',
  autoLocateConfirm: 'Confirm and define names',
  autoLocateCandidate: (label: string, cellAndValue: string) => `"${label}"  ${cellAndValue}`,
  autoLocateValue: (value: string | null, unit: string, kind: string) =>
    value === null
      ? '(empty)'
      : kind === 'amount'
        ? `${value} 万元${unit && unit !== '万元' ? ` (in ${unit})` : ''}`
        : `${String(value).slice(0, 20)}${String(value).length > 20 ? '…' : ''}`,
  autoLocateLow: 'low confidence, please check',
  autoLocateChoose: 'several places, please choose',
  autoLocateNone: 'none',
  autoLocateMissing: 'not found',
  autoLocateUseSelection: 'Use selected cell',
  autoLocateAddress: 'Cell address (e.g. 基础数据!B6)',
  autoLocatePreview: 'Show',
  autoLocateNoSuchCell: 'No such cell: type "Sheet!Cell", e.g. 基础数据!B6.',
  autoLocateSupplement: 'Add the missing data',
  autoLocateSupplementHint: (inputs: string[]) =>
    `Not found in the workbook: ${inputs.join(', ')}. "Add the missing data" adds a new sheet listing them, each with a named yellow cell to fill; no existing cell is changed.`,
  autoLocateSupplied: (sheet: string, count: number) =>
    `Added the sheet "${sheet}" with ${count} named yellow cells. Fill in the yellow cells, then click "Compute indicators".`,
  autoLocateSuppliedBrowser: (sheet: string, count: number) =>
    `Added the sheet "${sheet}" with ${count} named yellow cells. Click "Download result", fill in the yellow cells in Excel or WPS and save, then open the file here and click "Compute indicators".`,
  namedOutputsTitle: 'Write into your named cells',
  namedOutputsHint:
    'These cells of the workbook carry the name of a result. Tick a cell to have 计算指标 write the result there (replacing what it holds); the workbook remembers the choice for later runs. Unticked cells are not changed.',
  namedOutputsCell: (name: string, cell: string, content: string | null, formula: boolean) =>
    `${name}  ${cell}  ${formula ? `formula, current result: ${content ?? '(empty)'}` : `now: ${content ?? '(empty)'}`}`,
  namedOutputsFormula:
    'Holds a formula: never overwritten. To receive the result, delete the formula or use another cell.',
  mappingTitle: 'Name mapping',
  mappingHint:
    'Pick an existing workbook name for each missing or invalid input. The mapping is stored in the workbook.',
  mappingPlaceholder: 'Choose a name',
  mappingShowOptional: (n) => `Show missing optional inputs (${n})`,
  mappingNoNames: 'The workbook defines no names to map.',
  saveMapping: 'Save mapping',
  mappingSaved: 'Mapping saved',
  mappingNotSaved: 'Mapping not saved: problems listed above still block the write.',

  conflictTitle: 'Sheet names already in use',
  conflictBody: (names) =>
    `The workbook already has these sheets, not created by the add-in: ${names.join(', ')}. They stay untouched; new sheets are written instead (e.g. "${names[0]} (2)").`,
  conflictContinue: 'Write new sheets',
  cancel: 'Cancel',

  partialWrite: 'The sheets may be partly written: compute again to repair them.',
  unexpectedError: (message) =>
    `Unexpected error: ${message}. Try again; if it persists, send this message to the developers.`,

  openWorkbook: 'Open workbook',
  openOtherWorkbook: 'Open another workbook',
  dropZone: 'Drop an .xlsx file here, or click "Open workbook"',
  privacyNote: 'The file is processed in this browser only and never uploaded.',
  openingWorkbook: 'Reading the workbook…',
  notXlsx: (name) => `"${name}" is not an .xlsx file. Save it as .xlsx in Excel or WPS first.`,
  openFailed: (name, message) => `Cannot read "${name}": ${message}`,
  currentFile: (name) => `Workbook: ${name}`,
  downloadResult: 'Download result',
  downloadTemplate: 'Download template',
  resultFileName: (base) => `${base}-自评结果.xlsx`,
  templateFileName: '绩效自评-输入模板.xlsx',
  downloadFailed: (message) => `Cannot build the download: ${message}`,

  reportTitle: 'Word report',
  reportHint:
    'The self-evaluation report in the official format (GB/T 9704): the text of the 自评报告 sheet (your edits included), with the scoring table attached.',
  exportWord: 'Export Word report',
  copyReport: 'Copy report',
  reportWorking: 'Building the report…',
  reportSaved: (fileName: string) => `"${fileName}" was created; see your downloads.`,
  reportCopied:
    'The report was copied: paste it into a new Word or WPS Writer document; fonts, sizes and indents are kept.',
  reportSource: (sheet: string | null) =>
    sheet
      ? ` The text is taken from the sheet "${sheet}", including your edits.`
      : ' The workbook has no 自评报告 sheet yet; the text was generated from the current data.',
  reportBlocked: 'Problems in the workbook (listed below) stop the report. Fix them and try again.',
  reportSaveFailed: (message: string) =>
    `Could not download (${message}): this environment may not allow downloads. Use "Copy report" and paste into Word or WPS Writer.`,
  reportCopyFailed: (message: string) => `Could not write to the clipboard (${message}). Use "Export Word report".`,

  outcomeTitle: 'Compute indicators',
  outcomeWritten: (total, grade) => `Score ${total}, grade ${grade}`,
  outcomeBlocked: 'These problems stopped the write; the workbook was not changed:',
  outcomeMore: (n) => `${n} more: open the task pane to see them all.`,
  outcomeProvisional:
    'The score is provisional: some manual items are not scored yet. Enter them in 评分表 and compute again.',
  outcomeFailed: 'The computation did not finish:',
  close: 'Close',
};

export const STRINGS: Record<Locale, Strings> = { 'zh-CN': zhCN, 'en-US': enUS };

/** Chinese for any zh-* language and whenever the language is unknown; English for the rest. */
export function pickLocale(language: string | null | undefined): Locale {
  if (!language) return 'zh-CN';
  return language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
}

export const StringsContext = createContext<Strings>(zhCN);

export function useStrings(): Strings {
  return useContext(StringsContext);
}
