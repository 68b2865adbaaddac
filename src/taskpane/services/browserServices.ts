/**
 * The pane in a plain browser: the clerk's .xlsx is read and written in memory by the xlsx adapter,
 * loaded on demand so the first render stays fast. Nothing is sent anywhere; the result leaves the
 * page only as a download the clerk saves.
 */
import { JOB_API, presetNames } from './jobServices';
import type { BrowserServices, OpenedWorkbook } from './services';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function downloadBytes(fileName: string, data: Uint8Array | ArrayBuffer): void {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type: XLSX_TYPE }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking at once cancels the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

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
  };
}
