import type { EntityManager } from "@mikro-orm/core";
import { AppError, ErrorCode, requireText } from "@ssj/shared";
import { Expert } from "./expert.entity.js";
import type { ExpertInput, ExpertUpdateInput } from "./inspector.input.js";
import { validatePerson } from "./people.rules.js";

export async function addExpert(em: EntityManager, input: ExpertInput): Promise<Expert> {
  const person = validatePerson(input, true);
  const organization = requireText(input.organization, "organization", "所在单位", 200);
  return em.transactional(async (tx) => {
    const expert = tx.create(Expert, { ...person, organization, active: true });
    await tx.flush();
    return expert;
  });
}

export async function updateExpert(em: EntityManager, id: number, changes: ExpertUpdateInput): Promise<Expert> {
  return em.transactional(async (tx) => {
    const expert = await tx.findOne(Expert, { id });
    if (!expert) throw new AppError(ErrorCode.NOT_FOUND, `未找到编号为 ${id} 的专家`, { field: "id" });
    const person = validatePerson(
      {
        name: changes.name ?? expert.name,
        region: changes.region ?? expert.region,
        expertise: changes.expertise ?? expert.expertise,
        phone: changes.phone !== undefined ? changes.phone : expert.phone,
      },
      true,
    );
    const organization = requireText(changes.organization ?? expert.organization, "organization", "所在单位", 200);
    tx.assign(expert, { ...person, organization, active: changes.active ?? expert.active });
    await tx.flush();
    return expert;
  });
}
