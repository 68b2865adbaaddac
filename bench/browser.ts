/**
 * Headless Chromium timings of the browser page on the production build, each the median of three
 * runs in a fresh browser profile (nothing cached):
 *   - first render: navigation start → the pane ready in browser mode (打开工作簿 on screen)
 *   - open the sample: file chosen → its inputs shown (read and inspected in the page)
 *   - 计算指标: click → the result shown (sheets built and written into the in-memory workbook)
 * The moments are taken inside the page (performance.now(), a MutationObserver), so the driver's own
 * round trips do not count.
 */
import type { Browser } from 'playwright-core';
import { ensureProductionBuild, launchChromium, PANE_WIDTH, servePane } from '../test/support/browser';

type Line = (label: string, value: string, goal?: string) => void;

interface Marks {
  ready?: number;
  fileChosen?: number;
  inspected?: number;
  run?: number;
  result?: number;
}

/** Runs in the page before its own scripts: notes when each state first reaches the DOM. */
function recordMarks(): void {
  const marks: Record<string, number> = {};
  (window as unknown as { __benchMarks: Record<string, number> }).__benchMarks = marks;
  const mark = (name: string) => {
    if (!(name in marks)) marks[name] = performance.now();
  };
  const buttonText = (element: Element | null) => element?.closest('button')?.textContent?.trim();
  const checks: Record<string, () => boolean> = {
    ready: () => Array.from(document.querySelectorAll('button')).some((b) => buttonText(b) === '打开工作簿'),
    inspected: () => document.querySelector('section[aria-label="输入数据"]') !== null,
    result: () => document.querySelector('section[aria-label="评价结果"]') !== null,
  };
  new MutationObserver(() => {
    for (const [name, check] of Object.entries(checks)) if (!(name in marks) && check()) mark(name);
  }).observe(document, { subtree: true, childList: true });
  document.addEventListener('change', () => mark('fileChosen'), true);
  document.addEventListener('click', (e) => buttonText(e.target as Element) === '计算指标' && mark('run'), true);
}

async function oneRun(browser: Browser, pageUrl: string, sample: string): Promise<Required<Marks>> {
  const context = await browser.newContext({ viewport: { width: PANE_WIDTH, height: 900 }, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await page.addInitScript(recordMarks);
    await page.goto(pageUrl);
    await page.getByRole('button', { name: '打开工作簿', exact: true }).waitFor();
    await page.locator('input[type="file"][accept^=".xlsx"]').setInputFiles(sample);
    await page.getByRole('region', { name: '输入数据' }).waitFor();
    await page.getByRole('button', { name: '计算指标' }).click();
    await page.getByRole('region', { name: '评价结果' }).waitFor();
    const marks = await page.evaluate(() => (window as unknown as { __benchMarks: Marks }).__benchMarks);
    for (const key of ['ready', 'fileChosen', 'inspected', 'run', 'result'] as const) {
      if (typeof marks[key] !== 'number') throw new Error(`the page never reached "${key}"`);
    }
    return marks as Required<Marks>;
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function figure(ms: number[]): string {
  const s = (v: number) => (v / 1000).toFixed(3);
  return `${s(median(ms))} s  (runs ${ms.map(s).join(', ')})`;
}

export async function measureBrowser(root: string, sample: string, line: Line, runs = 3): Promise<void> {
  await ensureProductionBuild(root);
  const server = await servePane(root);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const results: Required<Marks>[] = [];
    for (let i = 0; i < runs; i++) results.push(await oneRun(browser, server.pageUrl, sample));
    line(`browser: first render (median of ${runs})`, figure(results.map((m) => m.ready)), '< 1.5 s');
    line(`browser: open the sample, inputs shown`, figure(results.map((m) => m.inspected - m.fileChosen)));
    line(`browser: 计算指标 → result shown`, figure(results.map((m) => m.result - m.run)), '< 2 s');
  } finally {
    await browser?.close();
    await server.close();
  }
}
