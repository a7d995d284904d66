import { describe, expect, it } from "vitest";
import { getAtt, Intrinsic, parseCfn, ref, stringifyCfn, sub } from "./cfn-yaml.js";

describe("cfn-yaml", () => {
  it("writes intrinsics as short tags and reads them back in long form", () => {
    const text = stringifyCfn({ A: ref("Api"), B: sub("${Api}/x"), C: getAtt("Table", "Arn"), D: new Intrinsic("Join", ["", ["a", ref("B")]]), E: [1, "2"] });
    expect(text).toBe('A: !Ref Api\nB: !Sub ${Api}/x\nC: !GetAtt Table.Arn\nD: !Join [ "", [ a, !Ref B ] ]\nE:\n  - 1\n  - "2"\n');
    expect(parseCfn(text)).toEqual({
      A: { Ref: "Api" },
      B: { "Fn::Sub": "${Api}/x" },
      C: { "Fn::GetAtt": ["Table", "Arn"] },
      D: { "Fn::Join": ["", ["a", { Ref: "B" }]] },
      E: [1, "2"],
    });
  });
});
