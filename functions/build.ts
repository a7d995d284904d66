// `npm run build:functions` entry; the CLI lives in cli/build.ts (console is allowed there).
import "./cli/build.js";
