import { evaluate } from '../../src/engine/evaluate';
import { computeIndicators } from '../../src/engine/indicators';
import { validateScheme } from '../../src/engine/scheme-validation';
import { scoreScheme } from '../../src/engine/scoring';
import { checkFigures, missingTexts } from '../../src/engine/findings';
import { getPreset } from '../../src/engine/schemes';
import { generateDepartment, prng } from '../../bench/departments';
const scheme = getPreset('通用')!;
const random = prng(20211231);
const deps = Array.from({ length: 10_000 }, (_, i) => generateDepartment(random, i));
function t(label: string, f: (i: number) => void) { for (let k=0;k<2;k++){ const s = process.cpuUsage(); for (let i = 0; i < deps.length; i++) f(i); const u = process.cpuUsage(s); if(k) console.log(label, ((u.user + u.system) / 1e3).toFixed(0), "ms cpu"); } }
const inds = deps.map((d) => computeIndicators({ readings: d.readings, sangongBasis: '决算口径' }));
t('evaluate', (i) => evaluate(deps[i], { scheme }));
t('indicators', (i) => computeIndicators({ readings: deps[i].readings, sangongBasis: '决算口径' }));
t('validate', () => validateScheme(scheme));
t('score', (i) => scoreScheme(scheme, inds[i]));
t('figures', (i) => checkFigures({ readings: deps[i].readings, indicators: inds[i] }));
t('texts', (i) => missingTexts(deps[i].readings, []));
