// Which stacks a housekeeping command names, and its refusals by value.
import { describe, expect, it } from "vitest";
import { awsMessages } from "./messages.js";
import { StackError, stackNames } from "./stack.js";

describe("stackNames", () => {
  it("is --stack, or <prefix>-<memory> per size", () => {
    expect(stackNames({ stack: "mine", prefix: "lambench" })).toEqual(["mine"]);
    expect(stackNames({ memory: "128, 256", prefix: "lambench" })).toEqual(["lambench-128", "lambench-256"]);
  });

  it("needs one of them, and sizes in MB", () => {
    expect(() => stackNames({ prefix: "lambench" })).toThrow(new StackError(awsMessages.stackOrMemory()));
    expect(() => stackNames({ memory: "128,1GB", prefix: "lambench" })).toThrow(new StackError(awsMessages.badMemoryList("128,1GB")));
  });
});
