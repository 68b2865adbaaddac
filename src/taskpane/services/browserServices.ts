/**
 * The pane in a plain browser: the clerk's .xlsx is read and written in memory by the xlsx adapter,
 * loaded on demand so the first render stays fast. Nothing is sent anywhere; the result leaves the
 * page only as a download the clerk saves.
 */
import { JOB_API, presetNames } from './jobServices';
import type { BrowserServices, OpenedWorkbook } from './services';
import { downloadBytes } from './download';
import { makeReportServices } from './reportServices';

export function makeBrowserServices(): BrowserServices {
  return {
    mode: 'browser',
    job: JOB_API,
    presets: presetNames(),
    async openWorkbook(data: Uint8Array): Promise<OpenedWorkbook> {
      const { XlsxWorkbook } = await import(/* webpackChunkName: "xlsx" */ '../../workbook/xlsx');
      return XlsxWorkbook.open(data);
    },
    async makeTemplate(): Promise<Uint8Array> {
      const { makeTemplate } = await import(/* webpackChunkName: "template" */ '../../app/template');
      return makeTemplate();
    },
    saveFile: downloadBytes,
    report: makeReportServices(),
  };
}
