import { validateUscc } from "@ssj/shared";
import { Arg, Query, Resolver } from "type-graphql";
import { Subject, SupervisionRecordRef } from "./subject.type.js";

@Resolver(() => Subject)
export class SubjectResolver {
  @Query(() => Subject, {
    description: "按统一社会信用代码查询市场主体及各部门的监管记录 / a subject with every department's record of it",
  })
  subject(@Arg("uscc", () => String, { description: "统一社会信用代码 / USCC" }) uscc: string): Subject {
    return { uscc: validateUscc(uscc) };
  }
}

export function resolveSubjectReference(ref: { uscc: string }): Subject {
  return { uscc: ref.uscc };
}

export function resolveSupervisionRecordReference(ref: { department: string; uscc: string }): SupervisionRecordRef {
  return { department: ref.department, uscc: ref.uscc };
}
