// Entry point named by the manifest's build commands; the CLI lives in cli/ (console is allowed there).
import "./cli/build.js";
