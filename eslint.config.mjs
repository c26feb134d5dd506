// ESLint with typescript-eslint's type-aware rules, as the CLIs we learn from
// run it. `npm run lint` (and CI) fails on any error.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // Generated code (Ajv standalone validator, written by `npm run facts:build`) is checked by its generator's tests, not linted.
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.scratch/', 'src/data/generated/validate-facts.js'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true },
    },
    rules: {
      // Numbers and booleans in messages are fine.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `void promise` marks a promise we do not wait for on purpose.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Strings are spread into code points on purpose (widths, typos): a grapheme is not what we measure there.
      '@typescript-eslint/no-misused-spread': ['error', { allow: [{ from: 'lib', name: 'string' }] }],
      // Matching control characters is the point of the code that escapes them (format/visible.ts, width.ts).
      'no-control-regex': 'off',
      // Node built-ins are loaded with require() where only some runs need them (start-up cost; the bundle is CommonJS).
      '@typescript-eslint/no-require-imports': ['error', { allow: ['^node:'] }],
    },
  },
  {
    // Tests read JSON the CLI printed (any) and index into results they just
    // checked; a failed expectation, not the type system, catches mistakes there.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Plain JavaScript (scripts, the bin, the CommonJS shim): no type information.
    files: ['**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', Buffer: 'readonly', URL: 'readonly' },
    },
  },
  {
    // CommonJS files load modules with require(); that is their module system.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
