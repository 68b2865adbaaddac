/**
 * The defined names a write plan creates or re-points, shared by both adapters: each layout's
 * ownership mark (hidden, on A1; none for 基础数据, which is the clerk's sheet), the layout's own
 * names, then plan.names, which win. Deduplicated by name, ignoring case as Excel does.
 */
import { cellAddress } from '../engine/a1';
import { markName } from '../sheets/names';
import type { NameWrite, WritePlan } from './port';

export function planNames(plan: WritePlan): NameWrite[] {
  const byName = new Map<string, NameWrite>();
  for (const { layout } of plan.sheets) {
    if (layout.role !== '基础数据') {
      const mark = markName(layout.role);
      byName.set(mark.toLowerCase(), { name: mark, sheet: layout.name, cell: 'A1', hidden: true });
    }
    for (const n of layout.names ?? []) {
      byName.set(n.name.toLowerCase(), {
        name: n.name,
        sheet: layout.name,
        cell: cellAddress(n.row, n.col),
        hidden: n.hidden,
      });
    }
  }
  for (const n of plan.names) byName.set(n.name.toLowerCase(), n);
  return [...byName.values()];
}
