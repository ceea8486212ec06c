// Demo officer register: a few hundred officers across the demo tree (merged units' people among them), and who attended the demo classes.
import { nameKey, nameSearch, type Position } from "../worker/domain/people";
import { q } from "./lib";
import { DEMO_TREE, type SeededUnit } from "./seed-history";

const FAMILY = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Hoàng",
  "Vũ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Hồ",
  "Ngô",
  "Dương",
  "Lý",
];
const MIDDLE = ["Thị", "Thị", "Thị", "Thu", "Thanh", "Ngọc", "Minh"];
const GIVEN = [
  "Hoa",
  "Hòa",
  "Lan",
  "Mai",
  "Hương",
  "Hạnh",
  "Nga",
  "Thủy",
  "Hằng",
  "Huyền",
  "Linh",
  "Phương",
  "Trang",
  "Yến",
  "Vân",
  "Dung",
  "Loan",
  "Tâm",
  "Thảo",
  "Nhung",
  "Oanh",
  "Quyên",
  "Xuân",
  "Ánh",
];

/** Per unit of each level: how many of each position it has. */
const STAFFING: Readonly<Record<string, readonly [Position, number][]>> = {
  commune: [
    ["commune_chair", 1],
    ["commune_vice_chair", 1],
    ["successor", 2],
    ["branch_head", 9],
  ],
  district: [["full_time_officer", 4]],
  province: [["full_time_officer", 6]],
};

/**
 * The register's rows, then who attended each demo class and each class of the 2026 programme: people of its
 * unit's subtree in the class's position, in a shuffled order, about four in five of those
 * expected, one in ten not completing; each class two days long, a chairs' class five.
 */
export function peopleSql(
  units: ReadonlyMap<string, SeededUnit>,
  rand: () => number,
  now: Date,
  classIds: readonly number[],
) {
  const sql: string[] = [];
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
  const stamp = q(now.toISOString());
  let id = 0;
  const rows: string[] = [];
  for (const [code, , level] of DEMO_TREE) {
    const unit = units.get(code);
    const taken = new Set<string>();
    for (const [position, n] of STAFFING[level] ?? []) {
      for (let k = 0; k < n; k++) {
        id++;
        // The same name and year twice in a unit would be one person: drawn again until new.
        let name = "";
        let birthYear = 0;
        do {
          name = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
          birthYear = 1962 + Math.floor(rand() * 36);
        } while (taken.has(`${nameKey(name)}|${birthYear}`));
        taken.add(`${nameKey(name)}|${birthYear}`);
        const since = `${2015 + Math.floor(rand() * 10)}-0${1 + Math.floor(rand() * 9)}-01`;
        rows.push(
          `(${id}, ${q(name)}, ${q(nameKey(name))}, ${q(nameSearch(name))}, ${birthYear}, ${q(position)}, ${unit?.id}, ${q(since)}, NULL, ${stamp}, ${stamp})`,
        );
      }
    }
  }
  for (let i = 0; i < rows.length; i += 200) {
    sql.push(
      `INSERT INTO people (id, name, name_key, search, birth_year, position, unit_id, since, until, created_at, updated_at) VALUES ${rows.slice(i, i + 200).join(", ")};`,
    );
  }
  // A few who have left their position since.
  sql.push("UPDATE people SET until = '2026-06-30' WHERE id % 37 = 0;");
  // The demo classes, and every class of the 2026 programme (its progress page has something to show).
  const classes = `(e.id IN (${classIds.join(", ")}) OR e.programme_id = 2) AND e.kind = 'class'`;
  sql.push(
    `UPDATE events SET days = CASE trainee_category WHEN 'commune_chair' THEN 5 ELSE 2 END WHERE id IN (SELECT e.id FROM events e WHERE ${classes});`,
    `INSERT INTO attendance (event_id, person_id, completed)
     SELECT event_id, person_id, completed FROM (
       SELECT e.id AS event_id, p.id AS person_id, CASE WHEN (p.id + e.id) % 10 = 0 THEN 0 ELSE 1 END AS completed,
         e.expected_participants AS expected,
         row_number() OVER (PARTITION BY e.id ORDER BY (p.id * 7919 + e.id * 104729) % 1009) AS n
       FROM events e
       JOIN units eu ON eu.id = e.unit_id
       JOIN units pu ON pu.now_path >= eu.now_path AND pu.now_path < eu.now_path || char(65535)
       JOIN people p ON p.unit_id = pu.id
       WHERE ${classes} AND p.until IS NULL
         AND (e.trainee_category IS NULL OR e.trainee_category = 'mixed' OR e.trainee_category = p.position)
     ) WHERE n * 5 <= expected * 4;`,
    // The 2026 programme's targets and plan.
    `INSERT INTO programme_targets (programme_id, position, share, by_date, min_days, created_at) VALUES
       (2, 'branch_head', 0.5, '2026-12-31', 2, ${stamp}), (2, 'commune_chair', 0.8, '2026-12-31', 2, ${stamp});`,
    `INSERT INTO programme_plan (programme_id, year, classes, trainees, budget) VALUES (2, 2026, 40, 1200, 600000000);`,
  );
  return { sql, count: id };
}
