/**
 * Entry point of taskpane.html. Renders at once (a spinner), waits for Office with a timeout, then
 * mounts the pane in Excel mode (the open workbook) or browser mode (an .xlsx the clerk opens).
 * Opened with `?outcome=…` the page is the ribbon command's outcome dialog instead.
 */
import * as React from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { decodeOutcome } from '../commands/outcome';
import { App } from './components/App/App';
import { OutcomeView } from './components/OutcomeView/OutcomeView';
import { PaneRoot } from './components/PaneRoot/PaneRoot';
import { isDarkOfficeTheme, waitForOffice } from './startup';
import { pickLocale, STRINGS, type Locale } from './strings';

function container(): HTMLElement {
  const existing = document.getElementById('root') ?? document.getElementById('container');
  if (existing) return existing;
  const element = document.createElement('div');
  element.id = 'container';
  document.body.appendChild(element);
  return element;
}

function officeGlobal(): typeof Office | undefined {
  return typeof Office === 'undefined' ? undefined : Office;
}

/** What the page's ES5 boot script (boot.js) decided before this bundle ran. */
interface Boot {
  hosted: boolean;
  /** Set when the webview, the browser or the Excel API cannot run the pane: its message is shown. */
  blocked: string | null;
}

function bootState(): Boot | undefined {
  return (window as unknown as { jixiaoBoot?: Boot }).jixiaoBoot;
}

function prefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

function notice(root: Root, locale: Locale, dark: boolean, text: string): void {
  root.render(
    <PaneRoot locale={locale} dark={dark}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{text}</MessageBarBody>
      </MessageBar>
    </PaneRoot>,
  );
}

async function main(): Promise<void> {
  if (bootState()?.blocked) return;
  const root = createRoot(container());
  const browserLocale = pickLocale(navigator.language);
  const office = officeGlobal();

  const outcome = decodeOutcome(window.location.search);
  if (outcome) {
    const close = (): void => office?.context?.ui?.messageParent?.('close');
    root.render(
      <PaneRoot locale={browserLocale} dark={prefersDark()}>
        <OutcomeView outcome={outcome} onClose={office ? close : undefined} />
      </PaneRoot>,
    );
    // messageParent needs Office initialised; the outcome itself needs nothing from it.
    void waitForOffice(office);
    return;
  }

  root.render(
    <PaneRoot locale={browserLocale} dark={prefersDark()}>
      <Spinner label={STRINGS[browserLocale].loading} />
    </PaneRoot>,
  );

  // A plain browser page: boot.js did not load office.js (it would call Microsoft's telemetry).
  const boot = bootState();
  const start = boot && !boot.hosted && !office ? ({ kind: 'browser' } as const) : await waitForOffice(office);
  if (bootState()?.blocked) {
    root.unmount();
    return;
  }
  if (start.kind === 'office-failed') {
    notice(root, browserLocale, prefersDark(), STRINGS[browserLocale].officeLoadFailed);
    return;
  }
  if (start.kind === 'other-host') {
    notice(root, browserLocale, prefersDark(), STRINGS[browserLocale].wrongHost);
    return;
  }
  if (start.kind === 'excel') {
    const locale = pickLocale(office?.context?.displayLanguage ?? navigator.language);
    const dark = isDarkOfficeTheme(office?.context?.officeTheme) ?? false;
    const { makeOfficeServices } = await import(/* webpackChunkName: "office-services" */ './services/officeServices');
    root.render(
      <PaneRoot locale={locale} dark={dark}>
        <App services={makeOfficeServices()} />
      </PaneRoot>,
    );
    return;
  }
  const { makeBrowserServices } = await import(/* webpackChunkName: "browser-services" */ './services/browserServices');
  root.render(
    <PaneRoot locale={browserLocale} dark={prefersDark()}>
      <App services={makeBrowserServices()} />
    </PaneRoot>,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  const locale = pickLocale(navigator.language);
  const message = error instanceof Error ? error.message : String(error);
  notice(createRoot(container()), locale, prefersDark(), STRINGS[locale].unexpectedError(message));
});
