#!/usr/bin/env node
'use strict';
/**
 * npm run validate [-- path/to/manifest.xml] [--skip-schema]
 *
 * Offline manifest check: Microsoft's XSD (from MANIFEST_XSD_DIR, default ../shared/office-manifest-xsd)
 * plus our own checks (scripts/manifest-checks.js). Exits 1 and prints one Chinese and one English
 * line per problem. `office-addin-manifest validate` needs Microsoft's web service, so it is not used.
 */
const path = require('path');
const { validateManifest } = require('./manifest-checks');

async function main(argv) {
  const skipSchema = argv.includes('--skip-schema');
  const manifestPath = path.resolve(
    argv.find((a) => !a.startsWith('--')) || path.join(__dirname, '..', 'manifest.xml'),
  );
  let result;
  try {
    result = await validateManifest(manifestPath, { skipSchema });
  } catch (err) {
    console.error(`✗ 无法校验 ${manifestPath}：${err.message}`);
    console.error(`  cannot validate ${manifestPath}: ${err.message}`);
    return 1;
  }
  for (const note of result.notes) console.log(`· ${note.zh}\n  ${note.en}`);
  if (!result.ok) {
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
