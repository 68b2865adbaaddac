/**
 * Which workbook the pane works on. In Excel it is the open workbook, fixed. In the browser the
 * clerk opens an .xlsx file (read locally, never uploaded) and downloads the filled copy.
 */
import { useCallback, useState } from 'react';
import type { WorkbookPort } from '../../../workbook/port';
import type { HostServices, OpenedWorkbook } from '../../services/services';
import { useStrings } from '../../strings';

export interface UseWorkbook {
  port: WorkbookPort | null;
  /** Browser mode: the opened file's name. */
  fileName: string | null;
  opening: boolean;
  /** Browser mode: why the last file could not be opened or saved (Chinese, says what to do). */
  error: string | null;
  open(file: File): void;
  downloadResult(): void;
  downloadTemplate(): void;
}

export function readFileBytes(file: Blob): Promise<Uint8Array> {
  // FileReader rather than Blob.arrayBuffer(): older WebViews and jsdom lack the latter.
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsArrayBuffer(file);
  });
}

export function readFileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsText(file, 'utf-8');
  });
}

/** `2021年部门数据.xlsx` → `2021年部门数据`. */
export function baseName(fileName: string): string {
  return fileName.replace(/\.xlsx$/i, '');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useWorkbook(services: HostServices): UseWorkbook {
  const strings = useStrings();
  const [opened, setOpened] = useState<{ workbook: OpenedWorkbook; fileName: string } | null>(null);
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = useCallback(
    (file: File) => {
      if (services.mode !== 'browser') return;
      if (!/\.xlsx$/i.test(file.name)) {
        setError(strings.notXlsx(file.name));
        return;
      }
      setOpening(true);
      setError(null);
      readFileBytes(file)
        .then((bytes) => services.openWorkbook(bytes))
        .then((workbook) => setOpened({ workbook, fileName: file.name }))
        .catch((e: unknown) => setError(strings.openFailed(file.name, messageOf(e))))
        .finally(() => setOpening(false));
    },
    [services, strings],
  );

  const downloadResult = useCallback(() => {
    if (services.mode !== 'browser' || !opened) return;
    opened.workbook
      .toBuffer()
      .then((bytes) => services.saveFile(strings.resultFileName(baseName(opened.fileName)), bytes))
      .catch((e: unknown) => setError(strings.downloadFailed(messageOf(e))));
  }, [services, strings, opened]);

  const downloadTemplate = useCallback(() => {
    if (services.mode !== 'browser') return;
    services
      .makeTemplate()
      .then((bytes) => services.saveFile(strings.templateFileName, bytes))
      .catch((e: unknown) => setError(strings.downloadFailed(messageOf(e))));
  }, [services, strings]);

  if (services.mode === 'office') {
    return { port: services.port, fileName: null, opening: false, error: null, open, downloadResult, downloadTemplate };
  }
  return {
    port: opened?.workbook ?? null,
    fileName: opened?.fileName ?? null,
    opening,
    error,
    open,
    downloadResult,
    downloadTemplate,
  };
}
