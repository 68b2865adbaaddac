/**
 * write(plan) in one sync. Order matters because a failing command leaves everything before it in
 * place (no rollback, office-js-notes §3.9):
 *   1. sheets created (or renamed) and every defined name, ownership marks included, so a sheet
 *      that exists is already marked ours and a re-run replaces it instead of picking "评分表 (2)";
 *   2. each sheet cleared in place (idiom B: the id, position and the clerk's references survive)
 *      and its contents written;
 *   3. the values written into the clerk's own named cells;
 *   4. cosmetics (freeze panes, tab colour, print setup), visibility, activation.
 * Names to hide that this batch adds are returned: hiding them here would leave them visible
 * (office-js #3878, #3949), so OfficeWorkbook.write hides them after the sync, in a second one.
 */
import { markName } from '../../sheets/names';
import { WorkbookError, type NameWrite, type WritePlan } from '../port';
import { cellAddress, nameFormula, parseBox, splitSheet, type CellBox } from '../../engine/a1';
import type { ApiFeatures } from './apiSets';
import { queueLayoutContent, queueLayoutCosmetics, wouldConvert } from './layoutWriter';
import type { StateSnapshot } from './readState';
import { rangeTarget, type NameRow } from './readNames';
import { planNames } from '../planNames';

/**
 * Refuses a plan that would fail or damage the workbook, before any command is queued: a protected
 * sheet to write, a sheet to replace that is gone or is the clerk's (neither marked ours nor empty),
 * a new sheet whose name is taken.
 */
export function checkPlan(plan: WritePlan, known: StateSnapshot): void {
  const sheets = new Map(known.state.sheets.map((s) => [s.name.toLowerCase(), s]));
  const ours = known.ourSheets;
  const protectedTargets = new Set<string>();
  const structureChanges: string[] = [];
  const claimed = new Set<string>();
  for (const { layout, replaces } of plan.sheets) {
    const replaced = replaces === undefined ? undefined : sheets.get(replaces.toLowerCase());
    if (replaces !== undefined) {
      if (!replaced) {
        throw new WorkbookError(
          `要替换的工作表"${replaces}"已不存在（可能刚被删除或改名）。请重新点击"计算指标"。`,
          'ItemNotFound',
        );
      }
      if (!ours.has(replaced.name.toLowerCase()) && replaced.empty !== true) {
        throw new WorkbookError(`工作表"${replaces}"不是本加载项创建的，不会被覆盖。未写入任何内容。`, 'AccessDenied');
      }
      if (replaced.protected) protectedTargets.add(replaced.name);
    }
    const newName = layout.name.toLowerCase();
    const taken = sheets.get(newName);
    if ((taken && taken !== replaced) || claimed.has(newName)) {
      throw new WorkbookError(`已存在同名的工作表"${layout.name}"，请改名或删除后重试。`, 'ItemAlreadyExists');
    }
    claimed.add(newName);
    if (!replaces || replaces !== layout.name) structureChanges.push(layout.name);
  }
  for (const n of planNames(plan)) {
    if (!parseBox(n.cell) || !(sheets.has(n.sheet.toLowerCase()) || claimed.has(n.sheet.toLowerCase()))) {
      throw new WorkbookError(`名称"${n.name}"的目标"${n.sheet}!${n.cell}"无效，请反馈给开发人员。`, 'InvalidArgument');
    }
  }
  for (const output of plan.namedOutputs) {
    const { sheet: sheetName, local } = splitSheet(output.cell);
    const sheet = sheets.get(sheetName.toLowerCase());
    if (!sheet || !parseBox(local)) {
      throw new WorkbookError(
        `名称"${output.name}"所指的单元格"${output.cell}"已不存在，请检查名称管理器后重试。`,
        'ItemNotFound',
      );
    }
    if (sheet.protected) protectedTargets.add(sheet.name);
  }
  if (protectedTargets.size > 0) {
    const list = [...protectedTargets].map((s) => `"${s}"`).join('、');
    throw new WorkbookError(
      `工作表${list}受保护，无法写入，本次没有写入任何内容。请在"审阅 → 撤销工作表保护"后重新点击"计算指标"。`,
      'AccessDenied',
    );
  }
  if (known.workbookProtected && structureChanges.length > 0) {
    throw new WorkbookError(
      '工作簿结构受保护，无法新建或重命名工作表，本次没有写入任何内容。请在"审阅 → 保护工作簿"中撤销保护后重试。',
      'AccessDenied',
    );
  }
}

export function queueWrite(
  context: Excel.RequestContext,
  plan: WritePlan,
  known: StateSnapshot,
  features: ApiFeatures,
): Excel.NamedItem[] {
  const toHide: Excel.NamedItem[] = [];
  const workbook = context.workbook;
  if (features.suspendScreenUpdating) workbook.application.suspendScreenUpdatingUntilNextSync();

  const sheetProxies = new Map<string, Excel.Worksheet>();
  const sheetNamed = (name: string): Excel.Worksheet => {
    let sheet = sheetProxies.get(name.toLowerCase());
    if (!sheet) {
      sheet = workbook.worksheets.getItem(name);
      sheetProxies.set(name.toLowerCase(), sheet);
    }
    return sheet;
  };

  // 1. Sheets and names; each new sheet's mark right after the sheet, so that a failure between
  //    the two is as unlikely as possible (a sheet without its mark looks like the clerk's).
  const names = workbook.names;
  const pending = new Map(planNames(plan).map((n) => [n.name.toLowerCase(), n]));
  // A name that already points at its target (a re-run's marks and 指标_ names) is left alone: below
  // ExcelApi 1.7 re-pointing means delete + add, and a re-added hidden name costs a sync to hide.
  const sheetNames = known.state.sheets.map((s) => s.name);
  const renamed = new Map(
    plan.sheets.flatMap(({ layout, replaces }) =>
      replaces ? [[replaces.toLowerCase(), layout.name.toLowerCase()]] : [],
    ),
  );
  const pointsAt = (row: NameRow, n: NameWrite): boolean => {
    const target = rangeTarget(row, sheetNames);
    if (!target) return false;
    const sheet = target.sheet.toLowerCase();
    const box = parseBox(target.local);
    const want = parseBox(n.cell);
    return (
      (renamed.get(sheet) ?? sheet) === n.sheet.toLowerCase() &&
      box !== null &&
      want !== null &&
      box.top === want.top &&
      box.left === want.left &&
      box.bottom === want.top &&
      box.right === want.left
    );
  };
  const writeName = (n: NameWrite) => {
    pending.delete(n.name.toLowerCase());
    const existing = known.workbookNames.get(n.name.toLowerCase());
    // An existing name is never deleted when it already points at its target, whatever its visibility:
    // a write failing between the delete and the add would lose it (an ownership mark lost makes our
    // sheet look like the clerk's; the settings sheet's mark holds the record of the clerk's edits).
    // A visible name that should be hidden (a mark an interrupted first write left visible) is asked to
    // hide, which Excel may ignore for a name it did not add in this run (#3878, #3949): it then stays
    // visible, harmless, and TESTING.md says so.
    if (existing && pointsAt(existing, n)) {
      if (existing.visible !== !n.hidden) names.getItem(n.name).visible = !n.hidden;
      return;
    }
    // Re-pointed in place from ExcelApi 1.7 (visibility asked as above).
    if (existing && features.nameFormula) {
      const item = names.getItem(n.name);
      item.formula = nameFormula(n.sheet, n.cell);
      if (existing.visible !== !n.hidden) item.visible = !n.hidden;
      return;
    }
    // Below 1.7 a name pointing elsewhere can only be re-pointed by delete + add (hidden in the next sync).
    if (existing) names.getItem(n.name).delete();
    const local = parseBox(n.cell) as CellBox; // checked by checkPlan
    const item = names.add(n.name, sheetNamed(n.sheet).getRange(cellAddress(local.top, local.left)));
    if (n.hidden) toHide.push(item);
  };
  const targets = plan.sheets.map(({ layout, replaces }) => {
    let sheet: Excel.Worksheet;
    if (replaces) {
      sheet = workbook.worksheets.getItem(replaces);
      if (replaces !== layout.name) sheet.name = layout.name;
    } else {
      sheet = workbook.worksheets.add(layout.name);
    }
    sheetProxies.set(layout.name.toLowerCase(), sheet);
    const mark = layout.role === '基础数据' ? undefined : pending.get(markName(layout.role).toLowerCase());
    if (mark) writeName(mark);
    return { layout, sheet, replacing: replaces !== undefined };
  });
  for (const n of [...pending.values()]) writeName(n);

  // 2. Contents.
  for (const { layout, sheet, replacing } of targets) {
    // The settings sheet holds the record of the clerk's edits: overwritten in place, never cleared first.
    const inPlace = replacing && layout.role === '设置';
    if (replacing && !inPlace) {
      const all = sheet.getRange();
      all.clear('All');
      all.unmerge();
      all.columnHidden = false;
    }
    queueLayoutContent(sheet, layout, inPlace);
  }

  // 3. The clerk's own named cells.
  for (const output of plan.namedOutputs) {
    const { sheet, local } = splitSheet(output.cell);
    const range = sheetNamed(sheet).getRange(local);
    if (output.numberFormat) range.numberFormat = [[output.numberFormat]];
    else if (typeof output.value === 'string' && wouldConvert(output.value)) range.numberFormat = [['@']];
    range.values = [[output.value]];
  }

  // 4. Cosmetics, visibility, activation.
  for (const { layout, sheet, replacing } of targets) {
    queueLayoutCosmetics(sheet, layout, features, replacing);
    if (layout.visibility === 'hidden') sheet.visibility = 'Hidden';
    else if (layout.visibility === 'visible' && replacing) sheet.visibility = 'Visible';
  }
  if (plan.activate) sheetNamed(plan.activate).activate();
  return toHide;
}
