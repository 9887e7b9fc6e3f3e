import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

/** Imports point down the layers only (DESIGN.md, "Architecture"): ui → experiments → runtime → core. */
function importsNothingFrom(...layers) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `^(\\.\\./)+(${layers.join('|')})(/|$)`,
            message: `Imports point down the layers only: ui → experiments → runtime → core. This layer may not import ${layers.join(', ')}.`,
          },
        ],
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', 'test-results/', 'test-results-*/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    ...wc.configs['flat/recommended'],
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
  },
  { files: ['src/core/**/*.ts'], rules: importsNothingFrom('runtime', 'experiments', 'ui') },
  { files: ['src/runtime/**/*.ts'], rules: importsNothingFrom('experiments', 'ui') },
  { files: ['src/experiments/**/*.ts'], rules: importsNothingFrom('ui') },
);
