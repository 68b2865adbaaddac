/** XML reading over saxes: streaming, for parts of any size. (Editing small parts in place: dom.ts.) */
import type JSZip from 'jszip';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

export type Tag = SaxesTagPlain;

/** Local name of a tag or attribute (`x:sheet` → `sheet`). */
export function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** Attribute by local name (namespace prefix ignored). */
export function attr(tag: Tag, name: string): string | undefined {
  const a = tag.attributes as Record<string, string>;
  if (name in a) return a[name];
  for (const k of Object.keys(a)) if (local(k) === name && k !== name) return a[k];
  return undefined;
}

export interface SaxHandlers {
  open?(tag: Tag, parser: SaxesParser): void;
  close?(tag: Tag, parser: SaxesParser): void;
  text?(text: string): void;
}

export function newParser(h: SaxHandlers): SaxesParser {
  const p = new SaxesParser({ position: true });
  if (h.open) p.on('opentag', (t) => h.open!(t as Tag, p));
  if (h.close) p.on('closetag', (t) => h.close!(t as Tag, p));
  if (h.text) {
    p.on('text', h.text);
    p.on('cdata', h.text);
  }
  p.on('error', (e) => {
    throw e;
  });
  return p;
}

/** Parse a whole string. */
export function parseString(xml: string, h: SaxHandlers): void {
  const p = newParser(h);
  p.write(xml).close();
}

export interface ZipStream {
  on(event: 'data', cb: (chunk: Uint8Array) => void): ZipStream;
  on(event: 'error', cb: (err: Error) => void): ZipStream;
  on(event: 'end', cb: () => void): ZipStream;
  pause(): ZipStream;
  resume(): ZipStream;
}

/** Thrown by a handler to stop reading a part early (the rest of it is not inflated). */
export class StopReading extends Error {
  constructor() {
    super('stop');
  }
}

/**
 * Pump a zip entry's inflated bytes to `chunk` without holding the entry in memory (JSZip inflates it chunk by
 * chunk), then call `end`. Either may throw StopReading to end early; any other error rejects.
 */
export function pumpPart(zip: JSZip, path: string, chunk: (bytes: Uint8Array) => void, end: () => void): Promise<void> {
  const file = zip.file(path);
  if (!file) return Promise.reject(new Error(`缺少部件 ${path}`));
  return new Promise<void>((resolve, reject) => {
    let done = false;
    // internalStream is JSZip's own streaming API (works in Node and browsers); its typings omit it.
    const stream = (file as unknown as { internalStream(t: 'uint8array'): ZipStream }).internalStream('uint8array');
    const finish = (err?: unknown) => {
      if (done) return;
      done = true;
      stream.pause();
      if (err && !(err instanceof StopReading)) reject(err);
      else resolve();
    };
    stream
      .on('data', (bytes: Uint8Array) => {
        if (done) return;
        try {
          chunk(bytes);
        } catch (err) {
          finish(err);
        }
      })
      .on('error', (err: Error) => finish(err))
      .on('end', () => {
        try {
          end();
          finish();
        } catch (err) {
          finish(err);
        }
      })
      .resume();
  });
}

/** Stream a zip entry through saxes, a streaming TextDecoder turning bytes into text. */
export function streamPart(zip: JSZip, path: string, h: SaxHandlers): Promise<void> {
  const parser = newParser(h);
  const decoder = new TextDecoder('utf-8');
  return pumpPart(
    zip,
    path,
    (bytes) => parser.write(decoder.decode(bytes, { stream: true })),
    () => parser.write(decoder.decode()).close(),
  );
}

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
