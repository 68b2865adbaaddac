/**
 * What a file that is not an .xlsx zip is, for a message that says what to do: an OLE compound file (magic
 * D0 CF 11 E0 A1 B1 1A E1) holding an EncryptionInfo stream is a password-protected workbook (Excel encrypts the
 * whole .xlsx into such a container); any other compound file is an old .xls (or .et) workbook. Host-free: the
 * xlsx adapter and the browser page call it before unzipping.
 */

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) out[i * 2] = text.charCodeAt(i);
  return out;
}

const ENCRYPTION_INFO = utf16le('EncryptionInfo');

function contains(data: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= data.length; i++) {
    for (let j = 0; j < needle.length; j++) if (data[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export type FileKind = 'encrypted' | 'legacy' | 'other';

export function fileKind(data: Uint8Array): FileKind {
  if (data.length < 512 || !OLE_MAGIC.every((b, i) => data[i] === b)) return 'other';
  return contains(data, ENCRYPTION_INFO) ? 'encrypted' : 'legacy';
}

/** The Chinese message for a compound file, or undefined for anything else (a zip, or junk). */
export function compoundFileMessage(data: Uint8Array): string | undefined {
  switch (fileKind(data)) {
    case 'encrypted':
      return '该工作簿设置了打开密码（已加密），无法读取。请在 Excel 或 WPS 中打开它，取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码），保存后再试；原文件不会被修改。';
    case 'legacy':
      return '该文件是旧版 Excel 格式（.xls），无法读取。请在 Excel 或 WPS 中打开后“另存为” .xlsx 格式再试。';
    default:
      return undefined;
  }
}
