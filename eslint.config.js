import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["node_modules/", "**/dist/", "**/target/", "report/site/", ".venv/", "functions/python/", "**/*.js", "**/*.cjs", "**/*.mjs", ".cache/"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "error",
    },
  },
  {
    // console is allowed only in CLI entry points, benchmarks and scripts (STYLE.md habit 10).
    files: ["**/cli/**/*.ts", "**/*-cli.ts", "bench/**/*.ts", "scripts/**/*.ts", "**/cli.ts"],
    rules: { "no-console": "off" },
  },
);
