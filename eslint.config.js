import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

const PACKAGES = 'shared|server|addin-gmail|addin-outlook|manifests|migrations|tests|bench';

// Package boundaries: another package is imported by its name, never by a relative path into its folder.
const packageBoundary = {
  regex: `^(\\.\\./)+(${PACKAGES})/`,
  message: 'Import another workspace package by its name (@inbox-crm/…), not through a relative path.',
};

/** `no-restricted-imports` with the package boundary and these patterns besides. */
const restrictedImports = (...patterns) => ['error', { patterns: [packageBoundary, ...patterns] }];

// Module faces: a server module is used through its index.ts; its repository, SQL and helpers are
// its own. See docs/architecture.md.
const FACE_ONLY = 'Use another server module through its face (../<module>/index.js), never its internals.';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/dist-node/**',
      '**/node_modules/**',
      'data/**',
      'coverage/**',
      'bench/**/*.js',
      'tests/**/*.mjs',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.check.json', './addin-outlook/tsconfig.json', './tests/tsconfig.browser.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      'no-restricted-imports': restrictedImports(),
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/require-await': 'off',
      // knex's builders are generic over their result rows; repositories state a row type with `as`,
      // which this rule's type-argument check would rather see as generics knex cannot take.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    files: ['server/src/modules/*/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrictedImports(
        { regex: '^\\.\\./(?!\\.\\./)[^/]+/(?!index\\.js$)', message: FACE_ONLY },
        { regex: '(^|/)modules/[^/]+/(?!index\\.js$)', message: FACE_ONLY },
      ),
    },
  },
  {
    files: ['server/src/*.ts', 'server/src/!(modules|jobs)/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrictedImports({
        regex: '(^|/)modules/[^/]+/(?!index\\.js$)',
        message: FACE_ONLY,
      }),
    },
  },
  {
    files: ['server/src/jobs/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrictedImports({
        regex: '(^|/)modules/',
        message:
          'jobs/ is infrastructure that knows no CRM module: the composition root (crm-worker.ts) hands it the handlers.',
      }),
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', '**/*.test.{ts,tsx}'],
    rules: {
      // Test clients read JSON replies whose shape each assertion spells out.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
