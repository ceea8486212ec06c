// What a staff member may reach: their unit's subtree in today's tree. Outside it looks the same as unknown.
import type { Db } from "../db";
import { type EventRow, findEventById } from "../db/events";
import { findUnitById, type Unit } from "../db/units";
import { Conflict, NotFound } from "../domain/errors";
import { canSee, type StaffUser } from "../domain/terms";

export async function eventInScope(db: Db, user: StaffUser, id: number): Promise<EventRow> {
  const event = await findEventById(db, id);
  if (!event || !canSee(user, { nowPath: event.unitPath, thenPath: event.unitThenPath }))
    throw new NotFound();
  return event;
}

export async function workshopInScope(db: Db, user: StaffUser, id: number): Promise<EventRow> {
  const event = await eventInScope(db, user, id);
  if (event.kind !== "workshop") throw new Conflict("not_workshop", "error.not_workshop");
  return event;
}

export async function classInScope(db: Db, user: StaffUser, id: number): Promise<EventRow> {
  const event = await eventInScope(db, user, id);
  if (event.kind !== "class") throw new Conflict("not_class", "error.not_class");
  return event;
}

export async function unitInScope(db: Db, user: StaffUser, id: number): Promise<Unit> {
  const unit = await findUnitById(db, id);
  if (!unit || !canSee(user, unit)) throw new NotFound();
  return unit;
}
