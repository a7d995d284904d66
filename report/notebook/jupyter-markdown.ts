// The report's markdown as Jupyter front ends should show it. JupyterLab and nbconvert pass
// markdown through MathJax: a `$` pair becomes inline maths ("$0.20 per … $0.0000166667" turns into
// italic letters), and so do `\(`, `\[` and `\begin{…}`. Even `\$` is not enough: JupyterLab's
// markdown parser drops the backslash before MathJax sees it. A character MathJax cannot pair is
// one alone in its own element, written as an entity so that no `$` or `\` is left in the source for
// JupyterLab's maths scanner either: `<span>&#36;</span>`. Raw HTML is shown as text, as on the site
// (report/render/html.ts). Code spans are left alone (MathJax never looks inside them).

const DOLLAR = "<span>&#36;</span>";
const BACKSLASH = "<span>&#92;</span>";

// A code span (a run of backticks closed by a run of the same length), a backslash escape, a lone
// backslash, a dollar, or a `<`.
const TOKEN = /(`+)[\s\S]*?[^`]\1(?!`)|\\([!-/:-@[-`{-~])|[\\$<]/g;

export function jupyterMarkdown(text: string): string {
  return text.replace(TOKEN, (match: string, fence: string | undefined, escaped: string | undefined) => {
    if (fence !== undefined) return match;
    if (escaped !== undefined) return escaped === "$" ? DOLLAR : escaped === "\\" ? BACKSLASH : `&#${escaped.charCodeAt(0)};`;
    if (match === "$") return DOLLAR;
    if (match === "\\") return BACKSLASH;
    return "&lt;";
  });
}
