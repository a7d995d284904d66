import { describe, expect, it } from "vitest";
import { renderMessages } from "./messages.js";
import { fillTemplate } from "./template.js";

describe("templates", () => {
  it("escapes {{text}} and inserts {{{html}}} as is", () => {
    expect(fillTemplate("t", "<h1>{{title}}</h1>{{{body}}}", { title: "a<b", body: "<p>x</p>" })).toBe("<h1>a&#60;b</h1><p>x</p>");
  });

  it("names the template and the placeholder that has no value", () => {
    expect(() => fillTemplate("page.html", "{{{nav}}}", {})).toThrow("template page.html: no value for {{nav}}");
  });
});

describe("build failure messages", () => {
  it("name the notebook, the cell index and its first line", () => {
    expect(renderMessages.cellFailed("/x/04-tail.ipynb", 3, 'const section = report.buildSection("tail", data);', "TypeError: boom")).toBe(
      '/x/04-tail.ipynb: cell 3 (const section = report.buildSection("tail", data);) failed: TypeError: boom',
    );
  });

  it("say when a notebook could not run at all, with the fix for a missing kernel", () => {
    expect(renderMessages.cellFailed("/x/01-summary.ipynb", -1, "", "NoSuchKernel: No such kernel named tslab")).toBe(
      "/x/01-summary.ipynb: not run: NoSuchKernel: No such kernel named tslab (register it: scripts/setup-python.sh)",
    );
  });
});
