import { describe, expect, it } from "vitest";
import { fillTemplate } from "./template.js";

describe("templates", () => {
  it("escapes {{text}} and inserts {{{html}}} as is", () => {
    expect(fillTemplate("t", "<h1>{{title}}</h1>{{{body}}}", { title: "a<b", body: "<p>x</p>" })).toBe("<h1>a&#60;b</h1><p>x</p>");
  });

  it("names the template and the placeholder that has no value", () => {
    expect(() => fillTemplate("page.html", "{{{nav}}}", {})).toThrow("template page.html: no value for {{nav}}");
  });
});
