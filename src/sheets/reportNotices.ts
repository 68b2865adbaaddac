/**
 * The wording of the notice that lists the clerk's kept report paragraphs: imported by the sheet layout and by
 * the pane, which must not pull the narrative engine into its first load.
 */

/** "保留了您修改的 2 段：自评报告!A27、自评报告!A51。" */
export function keptNotice(cells: string[]): string {
  return `保留了您修改的 ${cells.length} 段：${cells.join('、')}。`;
}
