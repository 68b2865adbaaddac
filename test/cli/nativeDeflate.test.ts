/**
 * The CLI's zlib deflate for JSZip: parts come back byte for byte, deflated; a part over the buffer
 * limit goes through JSZip's own streaming worker and comes back the same.
 */
import JSZip from 'jszip';
import { useNativeDeflate } from '../../src/cli/nativeDeflate';

test('JSZip writes deflated parts through zlib that read back byte for byte, small and large', async () => {
  useNativeDeflate();
  useNativeDeflate(); // idempotent
  const small = '<?xml version="1.0"?><worksheet>' + '<row><c r="A1"><v>1</v></c></row>'.repeat(2000) + '</worksheet>';
  // 12 MB of varied bytes: more than the 8 MB the worker holds, so the streaming path is taken.
  const large = new Uint8Array(12 * 1024 * 1024);
  for (let i = 0; i < large.length; i++) large[i] = (i * 7 + (i >> 10)) % 251;
  const zip = new JSZip();
  zip.file('xl/worksheets/sheet1.xml', small);
  zip.file('xl/media/big.bin', large);
  zip.file('empty.txt', '');
  const out = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } });
  const back = await JSZip.loadAsync(out);
  expect(await back.file('xl/worksheets/sheet1.xml')!.async('string')).toBe(small);
  expect(Buffer.from(await back.file('xl/media/big.bin')!.async('uint8array')).equals(Buffer.from(large))).toBe(true);
  expect(await back.file('empty.txt')!.async('string')).toBe('');
  // Deflated, by our worker.
  const sizes = (back.file('xl/worksheets/sheet1.xml') as unknown as { _data: { compressedSize: number } })._data;
  expect(sizes.compressedSize).toBeLessThan(small.length / 10);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DEFLATE } = require('jszip/lib/compressions') as { DEFLATE: { compressWorker(o: object): object } };
  expect(DEFLATE.compressWorker({ level: 1 }).constructor.name).toBe('NativeDeflateWorker');
});
