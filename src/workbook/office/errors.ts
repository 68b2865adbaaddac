/**
 * OfficeExtension.Error → WorkbookError with a message the clerk can act on (office-js-notes §6).
 * `code` is stable across UI languages; Excel's own `message` is localized and "not intended for
 * end users", so it only ever appears as a detail for the developers.
 */
import { WorkbookError } from '../port';

/** What an OfficeExtension.Error (or our strict fake's imitation) looks like to us. */
export interface OfficeErrorLike {
  code: string;
  message?: string;
  debugInfo?: { code?: string; message?: string; errorLocation?: string; statement?: string };
}

export function isOfficeError(error: unknown): error is OfficeErrorLike {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; name?: unknown; debugInfo?: unknown };
  return typeof e.code === 'string' && (e.name === 'RichApi.Error' || typeof e.debugInfo === 'object');
}

const CLIENT_BUGS = [
  'PropertyNotLoaded',
  'ValueNotLoaded',
  'InvalidObjectPath',
  'InvalidRequestContext',
  'RunMustReturnPromise',
];
const TOO_OLD = ['ApiNotFound', 'NotImplemented', 'UnsupportedOperation'];
const PAYLOAD = ['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded'];
const SWITCHED = ['InactiveWorkbook', 'InvalidSelection'];

/** Appended when the write batch failed: batches are not atomic, but every write is idempotent. */
export const PARTIAL_WRITE_NOTE = '部分工作表可能只写入了一半；排除问题后重新点击"计算指标"即可修复。';

/**
 * The clerk's message for an error code. `subject` names the name or sheet involved when the
 * adapter knows it; `detail` is a developer detail (Excel's message or errorLocation).
 */
export function officeErrorMessage(code: string, subject?: string, detail?: string): string {
  if (code === 'ItemNotFound') {
    return subject
      ? `找不到名称或工作表"${subject}"。请在"公式 → 名称管理器"中检查。`
      : '找不到所需的名称或工作表（可能刚被删除或改名）。请在"公式 → 名称管理器"中检查后重试。';
  }
  if (code === 'InvalidArgument') return `写入参数无效（${detail || subject || '无详情'}），请反馈给开发人员。`;
  if (code === 'InvalidOperation') return 'Excel 当前无法执行此操作。请按 Enter 或 Esc 结束单元格编辑后重试。';
  if (code === 'InvalidOperationInCellEditMode') return '请先结束单元格编辑（按 Enter 或 Esc），再点击"计算指标"。';
  if (code === 'ItemAlreadyExists') {
    return `已存在同名的工作表或名称${subject ? `"${subject}"` : ''}，请改名或删除后重试。`;
  }
  if (code === 'InvalidReference') {
    return `名称${subject ? `"${subject}"` : ''}引用的区域无效（可能已被删除），请重新定义该名称。`;
  }
  if (code === 'AccessDenied') return '工作表或工作簿受保护，或文件为只读，无法写入。请撤销保护后重试。';
  if (TOO_OLD.includes(code)) return '当前 Excel 版本不支持此功能，请升级到 Office 2021 或更高版本。';
  if (PAYLOAD.includes(code)) return '数据量超过网页版 Excel 的单次传输上限，请改用桌面版 Excel。';
  if (SWITCHED.includes(code)) return '计算过程中切换了工作簿。请回到原工作簿后重新点击"计算指标"。';
  if (code === 'MergedRangeConflict') return '目标区域与合并单元格冲突，请取消该区域的合并后重试。';
  if (CLIENT_BUGS.includes(code)) return `加载项内部错误（${code}），请反馈给开发人员。`;
  return 'Excel 返回未知错误。请保存后重试；仍失败请反馈错误详情。';
}

/**
 * Wraps an Office error for the clerk; anything else (a bug in our own code) is rethrown as is so
 * that it is not disguised as an Excel problem.
 */
export function toWorkbookError(error: unknown, options: { partial?: boolean; subject?: string } = {}): unknown {
  if (error instanceof WorkbookError || !isOfficeError(error)) return error;
  const detail = error.debugInfo?.errorLocation || error.message;
  let message = officeErrorMessage(error.code, options.subject, detail);
  if (options.partial) message += PARTIAL_WRITE_NOTE;
  const wrapped = new WorkbookError(message, error.code, options.partial ?? false);
  (wrapped as { cause?: unknown }).cause = error;
  return wrapped;
}
