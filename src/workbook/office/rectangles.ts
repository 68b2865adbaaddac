/**
 * Groups equal cells into rectangles so that a style costs one command per block instead of one per
 * cell: runs along each row first, then identical runs on consecutive rows are stacked.
 */
import type { CellBox } from '../../engine/a1';

/** keys[r][c]: the cell's value for one attribute, undefined where the attribute is not set. */
export function rectangles(keys: (string | undefined)[][]): Map<string, CellBox[]> {
  const result = new Map<string, CellBox[]>();
  let open = new Map<string, CellBox>();
  const close = (key: string, box: CellBox) => {
    const list = result.get(key) ?? [];
    list.push(box);
    result.set(key, list);
  };
  for (let r = 0; r <= keys.length; r++) {
    const row = keys[r] ?? [];
    const next = new Map<string, CellBox>();
    let c = 0;
    while (c < row.length) {
      const key = row[c];
      if (key === undefined) {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 < row.length && row[end + 1] === key) end++;
      const id = `${c}:${end}:${key}`;
      const above = open.get(id);
      if (above) {
        above.bottom = r;
        open.delete(id);
        next.set(id, above);
      } else {
        next.set(id, { top: r, left: c, bottom: r, right: end });
      }
      c = end + 1;
    }
    for (const [id, box] of open) close(id.slice(id.indexOf(':', id.indexOf(':') + 1) + 1), box);
    open = next;
  }
  return result;
}
