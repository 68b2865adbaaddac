/** Prints the sample report in the fixture format: `npx ts-node --transpile-only test/narrative/print-sample-report.ts > test/fixtures/sample-report.txt`, then read the diff. */
import { writeReport } from '../../src/engine/narrative';
import { evaluateWith, SAMPLE_MANUAL } from './sample';
const ps = writeReport(evaluateWith({}, { manual: SAMPLE_MANUAL }), { date: new Date(2022, 6, 8) });
process.stdout.write(ps.map((p) => `[${p.kind}] ${p.text}`).join('\n') + '\n');
