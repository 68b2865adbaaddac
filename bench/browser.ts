/** Headless Chromium timings of the browser page; filled in once the page and e2e support exist. */
export async function measureBrowser(_root: string, _sample: string, line: (label: string, value: string, goal?: string) => void): Promise<void> {
  line('browser: first render / finished 计算指标', 'not measured yet');
}
