/** The shared-string table, streamed: only the entries our cells refer to are kept. */
import type JSZip from 'jszip';
import { local, StopReading, streamPart } from './xml';

export async function readSharedStrings(
  zip: JSZip,
  part: string | undefined,
  wanted: Set<number>,
): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (!part || !zip.file(part) || wanted.size === 0) return out;
  const last = Math.max(...wanted);
  let index = -1;
  let text = '';
  let inT = false;
  let phonetic = 0;
  await streamPart(zip, part, {
    open(tag) {
      const name = local(tag.name);
      if (name === 'si') {
        index++;
        text = '';
      } else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inT = true;
    },
    text(t) {
      if (inT && wanted.has(index)) text += t;
    },
    close(tag) {
      const name = local(tag.name);
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') {
        if (wanted.has(index)) out.set(index, text);
        if (index >= last) throw new StopReading();
      }
    },
  });
  return out;
}
