#!/usr/bin/env node
'use strict';
/**
 * npm run validate [-- path/to/manifest.xml] [--skip-schema] [--offline]
 *
 * 1. Microsoft's own validation (office-addin-manifest, which posts the manifest to Microsoft's web
 *    service) when that service answers; when it does not (an intranet, no internet), one line says so.
 * 2. Always, offline: Microsoft's XSD (from MANIFEST_XSD_DIR, default ../shared/office-manifest-xsd) plus
 *    our own checks (scripts/manifest-checks.js).
 * Exits 1 and prints one Chinese and one English line per problem.
 */
const path = require('path');
const { validateManifest } = require('./manifest-checks');

const SERVICE_TIMEOUT_MS = 15000;

/** Microsoft's validation service: { reached: false } when it does not answer, else its verdict. */
async function serviceValidation(manifestPath) {
  let timer;
  try {
    const { validateManifest: viaService } = require('office-addin-manifest');
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), SERVICE_TIMEOUT_MS);
    });
    const result = await Promise.race([viaService(manifestPath), timeout]);
    if (!result.report) return { reached: false, why: `HTTP ${result.status} ${result.statusText || ''}`.trim() };
    const errors = (result.report.errors || []).map((e) => ({
      zh: `Microsoft 校验服务：${e.title || ''} ${e.content || ''}`.trim(),
      en: `Microsoft validation service: ${e.title || ''} ${e.content || ''}`.trim(),
    }));
    return { reached: true, ok: result.isValid, errors };
  } catch (err) {
    return { reached: false, why: String(err.message || err).split('\n')[0] };
  } finally {
    clearTimeout(timer);
  }
}

async function main(argv) {
  const skipSchema = argv.includes('--skip-schema');
  const manifestPath = path.resolve(
    argv.find((a) => !a.startsWith('--')) || path.join(__dirname, '..', 'manifest.xml'),
  );
  const service = argv.includes('--offline')
    ? { reached: false, why: '--offline' }
    : await serviceValidation(manifestPath);
  if (!service.reached)
    console.log(
      `· Microsoft 清单校验服务无法访问（${service.why}），只做离线检查 / Microsoft's manifest validation service is not reachable: offline checks only`,
    );
  else if (!service.ok) {
    console.error(`✗ Microsoft 清单校验服务未通过 / rejected by Microsoft's validation service: ${manifestPath}`);
    for (const e of service.errors) console.error(`- ${e.zh}\n  ${e.en}`);
  } else console.log("✓ Microsoft 清单校验服务通过 / accepted by Microsoft's validation service");
  let result;
  try {
    result = await validateManifest(manifestPath, { skipSchema });
  } catch (err) {
    console.error(`✗ 无法校验 ${manifestPath}：${err.message}`);
    console.error(`  cannot validate ${manifestPath}: ${err.message}`);
    return 1;
  }
  for (const note of result.notes) console.log(`· ${note.zh}\n  ${note.en}`);
  if (!result.ok || (service.reached && !service.ok)) {
    console.error(`✗ 清单校验未通过（${result.errors.length} 个问题）：${manifestPath}`);
    console.error(`  manifest check failed (${result.errors.length} problems): ${manifestPath}`);
    for (const e of result.errors) console.error(`- ${e.zh}\n  ${e.en}`);
    return 1;
  }
  const scope = result.schemaChecked ? 'XSD 与自有检查' : '自有检查（未做 XSD）';
  const scopeEn = result.schemaChecked ? 'XSD and own checks' : 'own checks only, no XSD';
  console.log(`✓ 清单校验通过（${scope}）：${manifestPath}`);
  console.log(`  manifest is valid (${scopeEn}): ${manifestPath}`);
  return 0;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
