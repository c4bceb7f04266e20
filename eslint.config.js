// ESLint flat configuration: https://eslint.org/docs/latest/use/configure/configuration-files
//
// ESLint checks for mistakes; Prettier (.prettierrc.json) owns the layout, so
// eslint-config-prettier comes last and turns off every rule that would argue
// with it.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import { defineConfig, globalIgnores } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig(
  // Built, installed and generated files.
  globalIgnores(['dist/', 'node_modules/', 'coverage/', 'src/generated/']),

  {
    files: ['**/*.{js,mjs,cjs,ts}'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      // The action, its tests and its scripts all run on Node.js; the tests
      // import their Jest functions from @jest/globals, so no Jest globals.
      globals: { ...globals.node }
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error'
    }
  },

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    rules: {
      // The code marks deliberately unused names the way the TypeScript
      // compiler (noUnusedParameters) does: a parameter that only gives a mock
      // its signature is named with a leading underscore, and a key taken out
      // of an object to keep the rest (`const { body: _body, ...rest } = x`)
      // is unused by design. Every other unused name is still an error.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }]
    }
  },

  prettier
)
