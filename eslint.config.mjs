// @ts-check
import eslint from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { readdirSync } from 'node:fs';

/**
 * A service imports only itself and libs/: what it needs of another service it learns from that
 * service's events, and the seeding tool (scripts/seed) stays outside. no-restricted-imports sees the
 * import as written, not the file it resolves to, so the rule is set per folder depth: from a file d
 * folders below services/<name>/, d + 1 `../` leave the service (d + 2 reach libs/, which may be
 * imported by a relative path too).
 */
const SERVICES = readdirSync(new URL('./services', import.meta.url));
const MAX_FOLDER_DEPTH = 8;
const serviceBoundaries = SERVICES.flatMap((service) =>
  Array.from({ length: MAX_FOLDER_DEPTH + 1 }, (_, depth) => ({
    files: [`services/${service}/${'*/'.repeat(depth)}*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Up and out of the service, anywhere but into libs/.
              regex: `^(\\.\\./){${depth + 1},}(?!\\.\\./|libs/)`,
              message: `services/${service} imports only its own files and libs/ (@ic/…); another service's data comes from its events.`,
            },
            {
              regex: `(^|/)services/(?!${service}(/|$))`,
              message: `services/${service} imports only its own files and libs/ (@ic/…); another service's data comes from its events.`,
            },
          ],
        },
      ],
    },
  })),
);

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.cache/**',
      'coverage/**',
      'eslint.config.mjs',
      'bench/results/**',
      'web/dist/**',
      'web/src/api/openapi.d.ts',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/explicit-module-boundary-types': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/unbound-method': 'off',
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    // The web app (its own tsconfig: DOM, JSX): the rules of hooks on top.
    files: ['web/**/*.{ts,tsx,mts}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Plain JavaScript (configs, the dependency bootstrap, a bench preload) is not part of the TypeScript project.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: {
        console: 'readonly',
        process: 'readonly',
        __dirname: 'readonly',
        module: 'writable',
        require: 'readonly',
        setInterval: 'readonly',
      },
    },
  },
  {
    // CommonJS, loaded with `node --require`: require() is how it loads.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...serviceBoundaries,
  {
    files: ['**/*.spec.ts', 'test/**/*.ts', 'web/**/*.test.{ts,tsx}', 'web/src/test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
