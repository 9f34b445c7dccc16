import { describe, expect, it } from "vitest";
import { checkPorts } from "./ports.js";

describe("checkPorts", () => {
  it("accepts usable ports", () => {
    expect(
      checkPorts([
        { service: "gateway", port: 4000 },
        { service: "county", port: 4001 },
      ]),
    ).toBeNull();
  });
  it("names a port Node's fetch refuses", () => {
    expect(
      checkPorts([
        { service: "gateway", port: 4000 },
        { service: "market", port: 6000 },
      ]),
    ).toMatch(/market 的端口 6000/);
  });
  it("refuses what is not a port", () => {
    expect(checkPorts([{ service: "gateway", port: Number("abc") }])).toMatch(/无效/);
    expect(checkPorts([{ service: "gateway", port: 70000 }])).toMatch(/无效/);
  });
});
