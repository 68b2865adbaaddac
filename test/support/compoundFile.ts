/**
 * Well-formed OLE compound files (MS-CFB version 3: 512-byte sectors, a FAT, a directory as a sibling tree, a mini
 * stream for streams under 4,096 bytes), hand-written because no library here writes them and LibreOffice 7.4
 * headless would not save an encrypted .xlsx (tried: filter-options JSON, a Basic macro with EncryptionData).
 * `encryptedWorkbook` lays out what Excel writes around a password-protected .xlsx (MS-OFFCRYPTO: \u0006DataSpaces,
 * EncryptionInfo with the agile 4.4 header and XML descriptor, EncryptedPackage with its size prefix); `legacyWorkbook`
 * what an old .xls holds (Workbook, \u0005SummaryInformation). `readCompoundFile` reads one back for the tests.
 */

export interface CfbNode {
  name: string;
  /** A stream's bytes; absent for a storage. */
  data?: Uint8Array;
  children?: CfbNode[];
}

const SECTOR = 512;
const MINI = 64;
const CUTOFF = 4096;
const END = 0xfffffffe;
const FREE = 0xffffffff;
const FATSECT = 0xfffffffd;
const NONE = 0xffffffff;

/** MS-CFB's order of siblings: shorter names first, then by upper-cased UTF-16 code units. */
function compareNames(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

interface Entry {
  node: CfbNode;
  type: 1 | 2 | 5;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

export function writeCompoundFile(root: CfbNode[]): Uint8Array {
  const entries: Entry[] = [];
  const add = (node: CfbNode, type: 1 | 2 | 5): number => {
    entries.push({ node, type, left: NONE, right: NONE, child: NONE, start: END, size: node.data?.length ?? 0 });
    return entries.length - 1;
  };
  const addChildren = (parent: number, children: CfbNode[]): void => {
    const sorted = [...children].sort((a, b) => compareNames(a.name, b.name));
    const ids = sorted.map((c) => add(c, c.data ? 2 : 1));
    // A valid binary search tree: each sibling the right child of the one before (all nodes black).
    if (ids.length) entries[parent].child = ids[0];
    ids.forEach((id, i) => {
      if (i + 1 < ids.length) entries[id].right = ids[i + 1];
      if (sorted[i].children) addChildren(id, sorted[i].children!);
    });
  };
  addChildren(add({ name: 'Root Entry' }, 5), root);

  // The mini stream: small streams in 64-byte mini sectors, chained in the mini FAT.
  const miniFat: number[] = [];
  const miniParts: Uint8Array[] = [];
  const big: Entry[] = [];
  for (const e of entries) {
    if (e.type !== 2 || e.size === 0) continue;
    if (e.size >= CUTOFF) {
      big.push(e);
      continue;
    }
    const count = Math.ceil(e.size / MINI);
    e.start = miniFat.length;
    for (let i = 0; i < count; i++) miniFat.push(i + 1 < count ? miniFat.length + 1 : END);
    const padded = new Uint8Array(count * MINI);
    padded.set(e.node.data!);
    miniParts.push(padded);
  }
  const miniStream = concat(miniParts);

  // Regular sectors: big streams, the mini stream's container, the mini FAT, the directory, then the FAT.
  const fat: number[] = [];
  const sectors: Uint8Array[] = [];
  const place = (data: Uint8Array): number => {
    if (data.length === 0) return END;
    const count = Math.ceil(data.length / SECTOR);
    const start = fat.length;
    for (let i = 0; i < count; i++) fat.push(i + 1 < count ? start + i + 1 : END);
    const padded = new Uint8Array(count * SECTOR);
    padded.set(data);
    sectors.push(padded);
    return start;
  };
  for (const e of big) e.start = place(e.node.data!);
  entries[0].start = place(miniStream);
  entries[0].size = miniStream.length;
  const miniFatBytes = u32s(miniFat, SECTOR / 4);
  const miniFatStart = place(miniFatBytes);
  const dirStart = place(directory(entries));
  let fatCount = 1;
  while (Math.ceil((fat.length + fatCount) / (SECTOR / 4)) > fatCount) fatCount++;
  if (fatCount > 109) throw new Error('too large for a header-only DIFAT');
  const fatStart = fat.length;
  for (let i = 0; i < fatCount; i++) fat.push(FATSECT);
  sectors.push(u32s(fat, fatCount * (SECTOR / 4)));

  const header = new Uint8Array(SECTOR);
  const h = new DataView(header.buffer);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  h.setUint16(0x18, 0x003e, true);
  h.setUint16(0x1a, 0x0003, true);
  h.setUint16(0x1c, 0xfffe, true);
  h.setUint16(0x1e, 9, true);
  h.setUint16(0x20, 6, true);
  h.setUint32(0x2c, fatCount, true);
  h.setUint32(0x30, dirStart, true);
  h.setUint32(0x38, CUTOFF, true);
  h.setUint32(0x3c, miniFat.length ? miniFatStart : END, true);
  h.setUint32(0x40, Math.ceil(miniFatBytes.length / SECTOR), true);
  h.setUint32(0x44, END, true);
  for (let i = 0; i < 109; i++) h.setUint32(0x4c + i * 4, i < fatCount ? fatStart + i : FREE, true);
  return concat([header, ...sectors]);
}

function directory(entries: Entry[]): Uint8Array {
  const out = new Uint8Array(Math.ceil(entries.length / 4) * SECTOR);
  const v = new DataView(out.buffer);
  for (let i = 0; i < out.length / 128; i++) {
    const at = i * 128;
    const e = entries[i];
    v.setUint32(at + 0x44, e?.left ?? NONE, true);
    v.setUint32(at + 0x48, e?.right ?? NONE, true);
    v.setUint32(at + 0x4c, e?.child ?? NONE, true);
    if (!e) continue;
    const name = e.node.name;
    if (name.length > 31) throw new Error(`name too long: ${name}`);
    for (let k = 0; k < name.length; k++) v.setUint16(at + k * 2, name.charCodeAt(k), true);
    v.setUint16(at + 0x40, (name.length + 1) * 2, true);
    out[at + 0x42] = e.type;
    out[at + 0x43] = 1; // black
    v.setUint32(at + 0x74, e.start, true);
    v.setUint32(at + 0x78, e.size, true);
  }
  return out;
}

function u32s(values: number[], minLength: number): Uint8Array {
  const count = Math.max(minLength, Math.ceil(values.length / (SECTOR / 4)) * (SECTOR / 4));
  const out = new Uint8Array(values.length ? count * 4 : 0);
  const v = new DataView(out.buffer);
  for (let i = 0; i < out.length / 4; i++) v.setUint32(i * 4, i < values.length ? values[i] : FREE, true);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Every stream of a compound file by its path (`\u0006DataSpaces/Version`), following the FAT and mini FAT. */
export function readCompoundFile(file: Uint8Array): Record<string, Uint8Array> {
  const v = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const sector = (i: number) => file.subarray(SECTOR + i * SECTOR, SECTOR + (i + 1) * SECTOR);
  const fat: number[] = [];
  for (let i = 0; i < v.getUint32(0x2c, true); i++) {
    const s = sector(v.getUint32(0x4c + i * 4, true));
    for (let k = 0; k < SECTOR / 4; k++) fat.push(new DataView(s.buffer, s.byteOffset).getUint32(k * 4, true));
  }
  const chain = (start: number, next: number[]): number[] => {
    const out: number[] = [];
    for (let s = start; s !== END; s = next[s]) {
      if (out.length > next.length) throw new Error('FAT cycle');
      out.push(s);
    }
    return out;
  };
  const read = (start: number) => concat(chain(start, fat).map(sector));
  const dir = read(v.getUint32(0x30, true));
  const dv = new DataView(dir.buffer, dir.byteOffset);
  const entry = (i: number) => {
    const at = i * 128;
    const len = dv.getUint16(at + 0x40, true) / 2 - 1;
    let name = '';
    for (let k = 0; k < len; k++) name += String.fromCharCode(dv.getUint16(at + k * 2, true));
    return {
      name,
      type: dir[at + 0x42],
      left: dv.getUint32(at + 0x44, true),
      right: dv.getUint32(at + 0x48, true),
      child: dv.getUint32(at + 0x4c, true),
      start: dv.getUint32(at + 0x74, true),
      size: dv.getUint32(at + 0x78, true),
    };
  };
  const root = entry(0);
  const miniStream = root.start === END ? new Uint8Array(0) : read(root.start);
  const miniFatStart = v.getUint32(0x3c, true);
  const miniFatBytes = miniFatStart === END ? new Uint8Array(0) : read(miniFatStart);
  const miniFat = Array.from({ length: miniFatBytes.length / 4 }, (_, k) =>
    new DataView(miniFatBytes.buffer, miniFatBytes.byteOffset).getUint32(k * 4, true),
  );
  const streams: Record<string, Uint8Array> = {};
  const walk = (id: number, prefix: string): void => {
    if (id === NONE) return;
    const e = entry(id);
    walk(e.left, prefix);
    walk(e.right, prefix);
    if (e.type === 1) walk(e.child, `${prefix}${e.name}/`);
    else if (e.type === 2) {
      const bytes =
        e.size >= CUTOFF
          ? read(e.start)
          : e.size === 0
            ? new Uint8Array(0)
            : concat(chain(e.start, miniFat).map((m) => miniStream.subarray(m * MINI, (m + 1) * MINI)));
      streams[prefix + e.name] = bytes.subarray(0, e.size);
    }
  };
  walk(root.child, '');
  return streams;
}

function utf16(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) new DataView(out.buffer).setUint16(i * 2, text.charCodeAt(i), true);
  return out;
}

function lengthPrefixed(text: string): Uint8Array {
  const body = utf16(text);
  const out = new Uint8Array(4 + body.length + ((4 - (body.length % 4)) % 4));
  new DataView(out.buffer).setUint32(0, body.length, true);
  out.set(body, 4);
  return out;
}

/** The agile EncryptionInfo descriptor Excel writes (AES-256, SHA-512; key values shortened to fixed bytes). */
const AGILE_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" ' +
  'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
  '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>' +
  '<dataIntegrity encryptedHmacKey="AAAA" encryptedHmacValue="AAAA"/>' +
  '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
  '<p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA==" encryptedVerifierHashInput="AAAA" encryptedVerifierHashValue="AAAA" encryptedKeyValue="AAAA"/>' +
  '</keyEncryptor></keyEncryptors></encryption>';

/** What Excel saves for an .xlsx with an open password: the package encrypted inside a compound file. */
export function encryptedWorkbook(packageBytes: Uint8Array): Uint8Array {
  const info = new Uint8Array(8 + AGILE_XML.length);
  const iv = new DataView(info.buffer);
  iv.setUint16(0, 4, true);
  iv.setUint16(2, 4, true);
  iv.setUint32(4, 0x40, true);
  info.set(new TextEncoder().encode(AGILE_XML), 8);
  // EncryptedPackage: the plain size, then the package in 16-byte AES blocks (here scrambled, not AES).
  const blocks = Math.ceil(packageBytes.length / 16) * 16;
  const encrypted = new Uint8Array(8 + blocks);
  new DataView(encrypted.buffer).setUint32(0, packageBytes.length, true);
  for (let i = 0; i < blocks; i++) encrypted[8 + i] = (packageBytes[i] ?? 0) ^ ((i * 151 + 89) & 0xff);
  const version = concat([
    lengthPrefixed('Microsoft.Container.DataSpaces'),
    new Uint8Array([1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0]),
  ]);
  const reference = concat([new Uint8Array([0, 0, 0, 0]), lengthPrefixed('EncryptedPackage')]);
  const spaceName = lengthPrefixed('StrongEncryptionDataSpace');
  const entryBytes = concat([new Uint8Array(4), new Uint8Array([1, 0, 0, 0]), reference, spaceName]);
  new DataView(entryBytes.buffer).setUint32(0, entryBytes.length, true);
  const map = concat([new Uint8Array([8, 0, 0, 0, 1, 0, 0, 0]), entryBytes]);
  return writeCompoundFile([
    {
      name: '\u0006DataSpaces',
      children: [
        { name: 'Version', data: version },
        { name: 'DataSpaceMap', data: map },
        {
          name: 'DataSpaceInfo',
          children: [
            {
              name: 'StrongEncryptionDataSpace',
              data: concat([new Uint8Array([8, 0, 0, 0, 1, 0, 0, 0]), lengthPrefixed('StrongEncryptionTransform')]),
            },
          ],
        },
        {
          name: 'TransformInfo',
          children: [
            {
              name: 'StrongEncryptionTransform',
              children: [
                {
                  name: '\u0006Primary',
                  data: concat([
                    new Uint8Array([0x58, 0, 0, 0, 1, 0, 0, 0]),
                    lengthPrefixed('{FF9A3F03-56EF-4613-BDD5-5A41C1D07246}'),
                    lengthPrefixed('Microsoft.Container.EncryptionTransform'),
                    new Uint8Array([
                      1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0,
                    ]),
                  ]),
                },
              ],
            },
          ],
        },
      ],
    },
    { name: 'EncryptionInfo', data: info },
    { name: 'EncryptedPackage', data: encrypted },
  ]);
}

/** An old BIFF8 .xls as a container: the Workbook stream (a BOF record and padding) and the summary streams. */
export function legacyWorkbook(): Uint8Array {
  const workbook = new Uint8Array(4200);
  workbook.set([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]);
  return writeCompoundFile([
    { name: 'Workbook', data: workbook },
    { name: '\u0005SummaryInformation', data: new Uint8Array(200) },
    { name: '\u0005DocumentSummaryInformation', data: new Uint8Array(200) },
  ]);
}
