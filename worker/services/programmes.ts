// Programmes (training schemes) that classes are grouped under, with a period and target trainee categories.
import type { Db } from "../db";
import { insertProgramme, listProgrammesFor } from "../db/programmes";
import { findUnitById } from "../db/units";
import { Invalid } from "../domain/errors";
import { canSee, type StaffUser, scopeOf, type TraineeCategory } from "../domain/terms";

export async function listProgrammes(db: Db, user: StaffUser) {
  return listProgrammesFor(db, scopeOf(user));
}

export interface ProgrammeInput {
  name: string;
  unitId: number;
  startsOn: string;
  endsOn: string;
  categories: readonly TraineeCategory[];
}

export async function addProgramme(db: Db, user: StaffUser, p: ProgrammeInput, now: Date): Promise<number> {
  const unit = await findUnitById(db, p.unitId);
  if (!unit || !canSee(user, unit)) {
    throw new Invalid({ unitId: { key: "field.unit_not_found" } });
  }
  if (p.endsOn < p.startsOn) throw new Invalid({ endsOn: { key: "field.ends_before_start" } });
  return insertProgramme(db, {
    unitId: unit.id,
    name: p.name,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    categories: [...new Set(p.categories)],
    now: now.toISOString(),
  });
}
