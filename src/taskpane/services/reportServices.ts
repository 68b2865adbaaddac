/** The report services of both hosts: the Word code (docx library, report model) is a lazy chunk. */
import { copyHtml } from './clipboard';
import { DOCX_TYPE, downloadBytes } from './download';
import type { ReportServices } from './services';

export function makeReportServices(): ReportServices {
  return {
    async build(port, format) {
      const { exportReport } = await import(/* webpackChunkName: "word" */ '../../app/report');
      return exportReport(port, format);
    },
    save: (fileName, data) => downloadBytes(fileName, data, DOCX_TYPE),
    copy: copyHtml,
  };
}
