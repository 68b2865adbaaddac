/**
 * JSZip deflates in JavaScript (pako); in Node, zlib does the same in native code several times faster,
 * which is most of what `jixiao fill` spends writing the result. JSZip has no public hook for its
 * compression, so this replaces the `compressWorker` of its DEFLATE method (jszip/lib/flate): the new
 * worker gathers a part's bytes and deflates them with zlib when the part ends. A part larger than
 * BUFFER_LIMIT (a clerk's huge sheet stored uncompressed, which JSZip must compress) goes on through
 * JSZip's own streaming worker instead, so memory stays bounded. The CLI only (the browser page keeps
 * pako); the output is a standard raw deflate stream either way.
 */
import { deflateRawSync } from 'zlib';

interface Chunk {
  data: Uint8Array | string | number[];
  meta: unknown;
}

interface Worker {
  processChunk(chunk: Chunk): void;
  flush(): void;
  push(chunk: Chunk): void;
}

interface Deflate {
  compressWorker(options: { level?: number }): Worker;
}

const BUFFER_LIMIT = 8 * 1024 * 1024;

/* eslint-disable @typescript-eslint/no-require-imports -- JSZip's internals have no typings or ES exports */
const compressions = require('jszip/lib/compressions') as { DEFLATE: Deflate & { nativeInNode?: boolean } };
const GenericWorker = require('jszip/lib/stream/GenericWorker') as new (name: string) => Worker;
const utils = require('jszip/lib/utils') as { transformTo(type: 'uint8array', data: Chunk['data']): Uint8Array };
/* eslint-enable @typescript-eslint/no-require-imports */

class NativeDeflateWorker extends GenericWorker {
  private chunks: Uint8Array[] = [];
  private size = 0;
  private meta: unknown = {};
  private streaming?: Worker;

  constructor(
    private readonly options: { level?: number },
    private readonly pako: Deflate['compressWorker'],
  ) {
    super('NativeDeflateWorker');
  }

  override processChunk(chunk: Chunk): void {
    this.meta = chunk.meta;
    if (this.streaming) return this.streaming.processChunk(chunk);
    const data = utils.transformTo('uint8array', chunk.data);
    this.chunks.push(data);
    this.size += data.length;
    if (this.size <= BUFFER_LIMIT) return;
    // Too large to hold: JSZip's own worker takes over, its output passed on as ours.
    const streaming = this.pako(this.options);
    streaming.push = (c) => this.push(c);
    for (const data of this.chunks) streaming.processChunk({ data, meta: this.meta });
    this.chunks = [];
    this.streaming = streaming;
  }

  override flush(): void {
    super.flush();
    if (this.streaming) return this.streaming.flush();
    const all = Buffer.concat(this.chunks, this.size);
    this.chunks = [];
    const level = this.options.level && this.options.level > 0 ? this.options.level : -1;
    this.push({ data: new Uint8Array(deflateRawSync(all, { level })), meta: this.meta });
  }
}

/** Make JSZip deflate with zlib from now on in this process (idempotent). */
export function useNativeDeflate(): void {
  const deflate = compressions.DEFLATE;
  if (deflate.nativeInNode) return;
  const pako = deflate.compressWorker.bind(deflate);
  deflate.compressWorker = (options) => new NativeDeflateWorker(options ?? {}, pako);
  deflate.nativeInNode = true;
}
