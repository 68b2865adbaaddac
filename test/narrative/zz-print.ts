import { writeReport, reportProblems } from '../../src/engine/narrative';
import { evaluateWith, SAMPLE_MANUAL } from './sample';
const manual = process.argv.includes('--manual');
const ev = evaluateWith({}, manual ? { manual: SAMPLE_MANUAL } : {});
const ps = writeReport(ev, { date: new Date(2022, 6, 8) });
for (const p of ps) console.log(`[${p.kind}] ${p.text}`);
console.log(reportProblems(ps));
console.log(ev.total.toFixed(2), ev.grade, ev.provisional);
