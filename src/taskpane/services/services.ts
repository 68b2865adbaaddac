/**
 * What the pane needs from its host, injected so that components and hooks never touch Office or
 * the file system directly (tests pass fakes; index.tsx passes the real ones).
 */
import { createContext, useContext } from 'react';
import type { Inspection, JobOptions, JobResult } from '../../app/job';
import type { ReportExport } from '../../app/report';
import type { WorkbookPort } from '../../workbook/port';
import type { ApplyOutcome, Choice, InspectedBook, SupplementOutcome } from '../../app/locate';
import type { InputName } from '../../engine/catalogue';

export interface JobApi {
  inspect(port: WorkbookPort, options?: JobOptions): Promise<Inspection>;
  runJob(port: WorkbookPort, options?: JobOptions): Promise<JobResult>;
  /** 自动识别: define the names the clerk confirmed (one write; app/locate.ts). */
  applyChoices?(port: WorkbookPort, book: InspectedBook, choices: Choice[]): Promise<ApplyOutcome>;
  /** 补充缺少的数据: a named yellow input table on a new sheet (one write; app/locate.ts). */
  supplementInputs?(port: WorkbookPort, book: InspectedBook, inputs: InputName[]): Promise<SupplementOutcome | null>;
}

/** A workbook opened from a file in browser mode: a port that can also save itself. */
export interface OpenedWorkbook extends WorkbookPort {
  toBuffer(): Promise<Uint8Array | ArrayBuffer>;
}

/** 导出 Word 报告 and 复制报告: the report built on demand, its Word code loaded only then. */
export interface ReportServices {
  build(port: WorkbookPort, format: 'docx' | 'html'): Promise<ReportExport>;
  /** A download of the .docx (the browser page; inside Excel where the host allows it). */
  save(fileName: string, data: Uint8Array): void;
  /** Formatted HTML with a plain-text alternative on the clipboard. */
  copy(html: string, text: string): Promise<void>;
}

interface CommonServices {
  job: JobApi;
  /** Absent in hosts that cannot export the report. */
  report?: ReportServices;
  /** Names of the preset scoring schemes shipped with the engine (通用, 湖南 …). */
  presets: readonly string[];
}

export interface OfficeServices extends CommonServices {
  mode: 'office';
  /** The workbook open in Excel. */
  port: WorkbookPort;
  /** Activates the sheet and selects the cell (`基础数据!B3`); rejects when it no longer exists. */
  selectCell(address: string): Promise<void>;
  /** The top-left cell of the clerk's current selection, `基础数据!B6` (使用选中单元格). */
  selectedCell?(): Promise<string>;
}

export interface BrowserServices extends CommonServices {
  mode: 'browser';
  openWorkbook(data: Uint8Array): Promise<OpenedWorkbook>;
  /** The empty input workbook (基础数据 with every canonical name defined). */
  makeTemplate(): Promise<Uint8Array>;
  /** Hands the bytes to the browser as a download with this file name. */
  saveFile(fileName: string, data: Uint8Array | ArrayBuffer): void;
}

export type HostServices = OfficeServices | BrowserServices;

export const HostServicesContext = createContext<HostServices | null>(null);

export function useHostServices(): HostServices {
  const services = useContext(HostServicesContext);
  if (!services) throw new Error('HostServicesContext is not provided');
  return services;
}
