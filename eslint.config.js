import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'web/dist', 'bench/results', '.tmp', 'scratch'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Typed routes: handlers read request.body, params and query with the types their TypeBox
    // schemas give (the route plugins use the TypeBox type provider); a cast would hide a drift.
    files: ['src/http/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            ':matches(TSAsExpression, TSTypeAssertion, TSSatisfiesExpression) > MemberExpression[object.name="request"][property.name=/^(body|params|query|headers)$/]',
          message:
            'Do not cast request.body/params/query/headers: type the route with its TypeBox schema (FastifyPluginAsyncTypebox).',
        },
      ],
    },
  },
);
