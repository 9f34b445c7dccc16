import { describe, expect, it } from "vitest";
import { HandlingKind } from "./handling-kind.js";
import { handlingColumns } from "./handling.rules.js";

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { extensions: { code: string; field?: string } }).extensions;
  }
  return null;
};

describe("handling decision fields", () => {
  it("needs the judicial organ, date and document number of a transfer", () => {
    expect(
      code(() => handlingColumns({ kind: HandlingKind.JUDICIAL, transferDate: "2027-04-20", documentNumber: "移字1号" })),
    ).toMatchObject({
      code: "REQUIRED_FIELD",
      field: "receivingOrgan",
    });
    expect(
      code(() =>
        handlingColumns({ kind: HandlingKind.JUDICIAL, receivingOrgan: "公安局", transferDate: "2027-02-30", documentNumber: "1" }),
      ),
    ).toMatchObject({ code: "INVALID_DATE_FORMAT" });
    expect(
      handlingColumns({ kind: HandlingKind.JUDICIAL, receivingOrgan: "公安局", transferDate: "2027-04-20", documentNumber: "移字1号" }),
    ).toMatchObject({
      receivingOrgan: "公安局",
      decisionDate: "2027-04-20",
      orderedAction: null,
    });
  });

  it("needs the order and a deadline on site, a case number and date for a case, a reason for a referral", () => {
    expect(code(() => handlingColumns({ kind: HandlingKind.ON_SITE, orderedAction: "更换软管" }))).toMatchObject({
      field: "rectificationDeadline",
    });
    expect(code(() => handlingColumns({ kind: HandlingKind.CASE, caseDate: "2027-04-20" }))).toMatchObject({ field: "caseNumber" });
    expect(code(() => handlingColumns({ kind: HandlingKind.REFERRAL, referredTo: "ecology" }))).toMatchObject({ field: "note" });
    expect(
      handlingColumns({ kind: HandlingKind.CASE, caseNumber: "市监立〔2027〕3号", caseDate: "2027-04-21", referredTo: "x" }).referredTo,
    ).toBeNull();
  });
});
