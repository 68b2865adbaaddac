import { evaluate } from '../../src/engine/evaluate';
import { toEvaluationJson } from '../../src/engine/json';
import { getPreset } from '../../src/engine/schemes';
import { generateDepartment, prng } from '../../bench/departments';
const scheme = getPreset('通用')!;
const random = prng(20211231);
const departments = Array.from({ length: 10_000 }, (_, i) => generateDepartment(random, i));
for (let k = 0; k < 3; k++) {
  const start = process.hrtime.bigint();
  for (const d of departments) evaluate(d, { scheme });
  console.log('evaluate', Number(process.hrtime.bigint() - start) / 1e9);
}
const start = process.hrtime.bigint();
for (const d of departments) toEvaluationJson(evaluate(d, { scheme }));
console.log('with json', Number(process.hrtime.bigint() - start) / 1e9);
const ev = evaluate(departments[5], { scheme });
console.log(ev.total.toString(), ev.grade, ev.findings.map(f=>f.code).join(','));
