/**
 * How the pane starts: wait for Office (which never settles when a piece of office.js is blocked,
 * office-js-notes §8, hence the timeout), then pick the mode, the language and the theme.
 */
export const OFFICE_READY_TIMEOUT_MS = 15_000;

export type Start =
  | { kind: 'excel' }
  | { kind: 'browser' }
  | { kind: 'other-host'; host: string }
  /** office.js is missing or onReady did not settle in time. */
  | { kind: 'office-failed' };

export interface OfficeReadyLike {
  /** `host` is Office.HostType, whose runtime values are strings ("Excel"), or null outside Office. */
  onReady(): Promise<{ host: unknown }>;
}

export function waitForOffice(
  office: OfficeReadyLike | undefined,
  timeoutMs = OFFICE_READY_TIMEOUT_MS,
): Promise<Start> {
  if (!office || typeof office.onReady !== 'function') return Promise.resolve({ kind: 'office-failed' });
  return new Promise<Start>((resolve) => {
    const timer = setTimeout(() => resolve({ kind: 'office-failed' }), timeoutMs);
    office.onReady().then(
      (info) => {
        clearTimeout(timer);
        // Outside Office, in a top-level browser window, onReady resolves with host null.
        if (!info.host) resolve({ kind: 'browser' });
        else if (String(info.host) === 'Excel') resolve({ kind: 'excel' });
        else resolve({ kind: 'other-host', host: String(info.host) });
      },
      () => {
        clearTimeout(timer);
        resolve({ kind: 'office-failed' });
      },
    );
  });
}

export interface ThemeLike {
  isDarkTheme?: boolean;
  bodyBackgroundColor?: string;
}

/** Office's own flag where the client has it, else the brightness of the pane background. */
export function isDarkOfficeTheme(theme: ThemeLike | undefined): boolean | undefined {
  if (!theme) return undefined;
  if (typeof theme.isDarkTheme === 'boolean') return theme.isDarkTheme;
  const hex = /^#?([0-9a-f]{6})$/i.exec(theme.bodyBackgroundColor ?? '');
  if (!hex) return undefined;
  const n = parseInt(hex[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}
