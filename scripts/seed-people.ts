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
    // The chairs' target starts from two chairs trained before the programme (entered by hand).
    `INSERT INTO programme_targets (programme_id, position, share, by_date, min_days, baseline, created_at) VALUES
       (2, 'branch_head', 0.5, '2026-12-31', 2, NULL, ${stamp}), (2, 'commune_chair', 0.8, '2026-12-31', 2, 2, ${stamp});`,
    `INSERT INTO programme_plan (programme_id, year, classes, trainees, budget) VALUES (2, 2026, 40, 1200, 600000000);`,
    ...programmeWorkshopSql(units, now),
  );
  return { sql, count: id };
}

/** The 2026 programme's mid-year review meeting a month ago, with its delegates' proposals and where each stands. */
function programmeWorkshopSql(units: ReadonlyMap<string, SeededUnit>, now: Date): string[] {
  const start = new Date(now.getTime() - 30 * 86400_000);
  const at = (h: number) => q(new Date(start.getTime() + h * 3600_000).toISOString());
  const proposals: [string, "party_committee" | "authorities" | "union" | "officers", string | null][] = [
    ["Trang bị điện thoại thông minh cho chi hội trưởng vùng khó khăn", "authorities", "in_progress"],
    ["Mở lớp hướng dẫn dùng ứng dụng Hội trên điện thoại cho hội viên lớn tuổi", "union", "done"],
    ["Hỗ trợ 4G cho cán bộ chi hội khi nhập số liệu hội viên", "authorities", "accepted"],
    ["Rút gọn biểu mẫu báo cáo, chỉ nhập một lần", "union", "received"],
    ["Có người hỗ trợ kỹ thuật tại xã trong ba tháng đầu", "union", null],
    ["Tài liệu hướng dẫn in chữ to, có hình minh họa", "officers", "declined"],
  ];
  return [
    `INSERT INTO events (code, kind, title, unit_id, starts_at, ends_at, closes_at, expected_participants, question, status, response_count, created_at, programme_id) VALUES ('KW3T7R', 'workshop', 'Hội nghị sơ kết 6 tháng chương trình chuyển đổi số', ${units.get("HN")?.id}, ${at(0)}, ${at(4)}, ${at(24 * 7)}, 40, 'Cần gì để chi hội vận hành được công cụ số?', 'closed', ${proposals.length}, ${at(-48)}, 2);`,
    `INSERT INTO proposals (event_id, client_id, body_hash, text, suggested_addressee, support_count, follow_status, follow_updated_at, created_at) VALUES ${proposals
      .map(
        ([text, addressee, status], i) =>
          `((SELECT id FROM events WHERE code = 'KW3T7R'), 'demo-sk-${i}', 'demo', ${q(text)}, '${addressee}', 0, ${status ? q(status) : "NULL"}, ${status ? at(24 * (i + 2)) : "NULL"}, ${at(1 + i * 0.1)})`,
      )
      .join(", ")};`,
  ];
}
