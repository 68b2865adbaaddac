/** Start-up decisions: Office or browser mode, the onReady timeout, language and theme. */
import {
  isDarkOfficeTheme,
  OFFICE_READY_TIMEOUT_MS,
  waitForOffice,
  type OfficeReadyLike,
} from '../../src/taskpane/startup';
import { pickLocale } from '../../src/taskpane/strings';

describe('waitForOffice', () => {
  afterEach(() => jest.useRealTimers());

  const office = (ready: Promise<{ host: unknown }>): OfficeReadyLike => ({ onReady: () => ready });

  it('is Excel mode when Office reports the Excel host', async () => {
    await expect(waitForOffice(office(Promise.resolve({ host: 'Excel' })))).resolves.toEqual({ kind: 'excel' });
  });

  it('is browser mode when onReady resolves with host null (a top-level page outside Office)', async () => {
    await expect(waitForOffice(office(Promise.resolve({ host: null })))).resolves.toEqual({ kind: 'browser' });
  });

  it('names another Office host', async () => {
    await expect(waitForOffice(office(Promise.resolve({ host: 'Word' })))).resolves.toEqual({
      kind: 'other-host',
      host: 'Word',
    });
  });

  it('gives up after 15 s when onReady never settles (a blocked office.js piece)', async () => {
    jest.useFakeTimers();
    let settled: unknown;
    void waitForOffice(office(new Promise(() => undefined))).then((s) => (settled = s));
    await jest.advanceTimersByTimeAsync(OFFICE_READY_TIMEOUT_MS - 1);
    expect(settled).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(settled).toEqual({ kind: 'office-failed' });
    expect(OFFICE_READY_TIMEOUT_MS).toBe(15_000);
  });

  it('fails at once when office.js did not load at all', async () => {
    await expect(waitForOffice(undefined)).resolves.toEqual({ kind: 'office-failed' });
  });

  it('fails when onReady rejects', async () => {
    await expect(waitForOffice(office(Promise.reject(new Error('x'))))).resolves.toEqual({ kind: 'office-failed' });
  });
});

describe('isDarkOfficeTheme', () => {
  it("uses Office's own flag when the client has it", () => {
    expect(isDarkOfficeTheme({ isDarkTheme: true, bodyBackgroundColor: '#FFFFFF' })).toBe(true);
    expect(isDarkOfficeTheme({ isDarkTheme: false, bodyBackgroundColor: '#000000' })).toBe(false);
  });

  it('falls back on the brightness of the pane background', () => {
    // Office "Black" theme pane #262626: luminance 38 < 128; "Dark Gray" #666666: 102 < 128; "White" #FFFFFF: 255.
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#262626' })).toBe(true);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#666666' })).toBe(true);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#FFFFFF' })).toBe(false);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#E6E6E6' })).toBe(false);
  });

  it('does not guess without a theme', () => {
    expect(isDarkOfficeTheme(undefined)).toBeUndefined();
    expect(isDarkOfficeTheme({ bodyBackgroundColor: 'red' })).toBeUndefined();
  });
});

describe('pickLocale', () => {
  it('is Chinese for any Chinese display language and when the language is unknown', () => {
    for (const lang of ['zh-CN', 'zh-cn', 'zh-TW', 'zh', undefined, null, '']) expect(pickLocale(lang)).toBe('zh-CN');
  });

  it('falls back to English for other languages', () => {
    for (const lang of ['en-US', 'en-GB', 'fr-FR', 'ja-JP']) expect(pickLocale(lang)).toBe('en-US');
  });
});
