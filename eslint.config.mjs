// ESLint 9 flat config.
// - TypeScript (src/, test/, scripts/, bench/): typescript-eslint recommended.
// - Office.js code (src/workbook/office/**, src/commands/**): the load/sync rules of
//   eslint-plugin-office-addins, all as errors. The plugin's own "recommended" preset is not used
//   because it also switches on Prettier and pins ecmaVersion 6.
// - Plain Node scripts and configs (*.js, *.mjs): @eslint/js recommended with Node globals.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

const OFFICE_RULES = [
  'load-object-before-read',
  'call-sync-before-read',
  'call-sync-after-load',
  'no-context-sync-in-loop',
  'test-for-null-using-isNullObject',
  'no-navigational-load',
  'no-empty-load',
  'no-office-initialize',
];

export default tseslint.config(
  {
    ignores: ['dist/', 'dist-cli/', 'node_modules/', 'test-output/', 'assets/', 'out/', '.certs/', 'coverage/'],
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    // The pane's first script, hand-written ES5 for IE11 and EdgeHTML webviews (test/build/boot.test.ts).
    files: ['src/taskpane/boot.js'],
    languageOptions: {
      ecmaVersion: 5,
      sourceType: 'script',
      globals: { ...globals.browser, Office: 'readonly' },
    },
    // ES5 needs a catch binding; '<\/script>' must stay escaped inside an inline script.
    rules: { 'no-unused-vars': ['error', { caughtErrors: 'none' }], 'no-useless-escape': 'off' },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: {
      globals: { ...globals.browser, Office: 'readonly', Excel: 'readonly', OfficeExtension: 'readonly' },
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  {
    files: ['src/workbook/office/**/*.{ts,tsx}', 'src/commands/**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    rules: Object.fromEntries(OFFICE_RULES.map((rule) => [`office-addins/${rule}`, 'error'])),
  },
);
