// Demo unit tree across the 2025 reform, and a few hundred past classes with responses (2024-2026) for the dashboards.
import { STANDARD_FORM, STANDARD_FORM_TITLE } from "../worker/domain/form";
import { TRAINEE_CATEGORIES } from "../worker/domain/terms";
import { layoutTree } from "../worker/domain/tree";
import { q } from "./lib";

const REFORM = "2025-07-01";

/** code, name, level, parent, successor (merged on 1 July 2025) or "new" (from that date) or null. */
type UnitDef = [code: string, name: string, level: string, parent: string | null, fate: string | null];

export const DEMO_TREE: UnitDef[] = [
  ["TW", "Trung ương Hội LHPN Việt Nam", "central", null, null],
  // Today's provinces; Thái Nguyên, Phú Thọ, Vĩnh Long and Tuyên Quang absorbed others in 2025.
  ["HN", "Hội LHPN Thành phố Hà Nội", "province", "TW", null],
  ["TN", "Hội LHPN tỉnh Thái Nguyên", "province", "TW", null],
  ["PT", "Hội LHPN tỉnh Phú Thọ", "province", "TW", null],
  ["VL", "Hội LHPN tỉnh Vĩnh Long", "province", "TW", null],
  ["TQ", "Hội LHPN tỉnh Tuyên Quang", "province", "TW", null],
  // Provinces merged on 1 July 2025.
  ["BK", "Hội LHPN tỉnh Bắc Kạn", "province", "TW", "TN"],
  ["VP", "Hội LHPN tỉnh Vĩnh Phúc", "province", "TW", "PT"],
  ["HB", "Hội LHPN tỉnh Hòa Bình", "province", "TW", "PT"],
  ["BT", "Hội LHPN tỉnh Bến Tre", "province", "TW", "VL"],
  ["TV", "Hội LHPN tỉnh Trà Vinh", "province", "TW", "VL"],
  ["HG", "Hội LHPN tỉnh Hà Giang", "province", "TW", "TQ"],
  // Communes since 1 July 2025.
  ["HN-BM", "Hội LHPN phường Bạch Mai", "commune", "HN", "new"],
  ["HN-HK", "Hội LHPN phường Hoàn Kiếm", "commune", "HN", "new"],
  ["HN-BV", "Hội LHPN xã Ba Vì", "commune", "HN", "new"],
  ["TN-PDP", "Hội LHPN phường Phan Đình Phùng", "commune", "TN", "new"],
  ["TN-DX", "Hội LHPN phường Đức Xuân", "commune", "TN", "new"],
  ["TN-DT", "Hội LHPN xã Đại Từ", "commune", "TN", "new"],
  ["TN-BB", "Hội LHPN xã Ba Bể", "commune", "TN", "new"],
  ["PT-VT", "Hội LHPN phường Việt Trì", "commune", "PT", "new"],
  ["PT-VY", "Hội LHPN phường Vĩnh Yên", "commune", "PT", "new"],
  ["PT-HB", "Hội LHPN phường Hòa Bình", "commune", "PT", "new"],
  ["PT-TS", "Hội LHPN xã Thanh Sơn", "commune", "PT", "new"],
  ["VL-AH", "Hội LHPN phường An Hội", "commune", "VL", "new"],
  ["VL-LC", "Hội LHPN phường Long Châu", "commune", "VL", "new"],
  ["VL-TV", "Hội LHPN phường Trà Vinh", "commune", "VL", "new"],
  ["VL-BT", "Hội LHPN xã Ba Tri", "commune", "VL", "new"],
  ["TQ-MX", "Hội LHPN phường Minh Xuân", "commune", "TQ", "new"],
  ["TQ-HG", "Hội LHPN phường Hà Giang 1", "commune", "TQ", "new"],
  // Districts, dissolved on 1 July 2025 (their records roll up to today's province).
  ["HN-QHK", "Hội LHPN quận Hoàn Kiếm", "district", "HN", "HN"],
  ["HN-QHBT", "Hội LHPN quận Hai Bà Trưng", "district", "HN", "HN"],
  ["HN-HBV", "Hội LHPN huyện Ba Vì", "district", "HN", "HN"],
  ["TN-TPTN", "Hội LHPN thành phố Thái Nguyên", "district", "TN", "TN"],
  ["TN-HDT", "Hội LHPN huyện Đại Từ", "district", "TN", "TN"],
  ["BK-TPBK", "Hội LHPN thành phố Bắc Kạn", "district", "BK", "TN"],
  ["BK-HBB", "Hội LHPN huyện Ba Bể", "district", "BK", "TN"],
  ["PT-TPVT", "Hội LHPN thành phố Việt Trì", "district", "PT", "PT"],
  ["PT-HTS", "Hội LHPN huyện Thanh Sơn", "district", "PT", "PT"],
  ["VP-TPVY", "Hội LHPN thành phố Vĩnh Yên", "district", "VP", "PT"],
  ["HB-TPHB", "Hội LHPN thành phố Hòa Bình", "district", "HB", "PT"],
  ["VL-TPVL", "Hội LHPN thành phố Vĩnh Long", "district", "VL", "VL"],
  ["BT-TPBT", "Hội LHPN thành phố Bến Tre", "district", "BT", "VL"],
  ["BT-HBT", "Hội LHPN huyện Ba Tri", "district", "BT", "VL"],
  ["TV-TPTV", "Hội LHPN thành phố Trà Vinh", "district", "TV", "VL"],
  ["TQ-TPTQ", "Hội LHPN thành phố Tuyên Quang", "district", "TQ", "TQ"],
  ["HG-TPHG", "Hội LHPN thành phố Hà Giang", "district", "HG", "TQ"],
  // Communes before the reform, merged into today's communes.
  ["HN-HT", "Hội LHPN phường Hàng Trống", "commune", "HN-QHK", "HN-HK"],
  ["HN-BMC", "Hội LHPN phường Bạch Mai (cũ)", "commune", "HN-QHBT", "HN-BM"],
  ["HN-TD", "Hội LHPN xã Tây Đằng", "commune", "HN-HBV", "HN-BV"],
  ["TN-TV", "Hội LHPN phường Trưng Vương", "commune", "TN-TPTN", "TN-PDP"],
  ["TN-HS", "Hội LHPN xã Hùng Sơn", "commune", "TN-HDT", "TN-DT"],
  ["BK-DXC", "Hội LHPN phường Đức Xuân (cũ)", "commune", "BK-TPBK", "TN-DX"],
  ["BK-CR", "Hội LHPN thị trấn Chợ Rã", "commune", "BK-HBB", "TN-BB"],
  ["PT-GC", "Hội LHPN phường Gia Cẩm", "commune", "PT-TPVT", "PT-VT"],
  ["PT-TTTS", "Hội LHPN thị trấn Thanh Sơn", "commune", "PT-HTS", "PT-TS"],
  ["VP-LB", "Hội LHPN phường Liên Bảo", "commune", "VP-TPVY", "PT-VY"],
  ["HB-PL", "Hội LHPN phường Phương Lâm", "commune", "HB-TPHB", "PT-HB"],
  ["VL-P1", "Hội LHPN Phường 1 (Vĩnh Long)", "commune", "VL-TPVL", "VL-LC"],
  ["BT-AHC", "Hội LHPN phường An Hội (cũ)", "commune", "BT-TPBT", "VL-AH"],
  ["BT-TTBT", "Hội LHPN thị trấn Ba Tri", "commune", "BT-HBT", "VL-BT"],
  ["TV-P1", "Hội LHPN Phường 1 (Trà Vinh)", "commune", "TV-TPTV", "VL-TV"],
  ["TQ-MXC", "Hội LHPN phường Minh Xuân (cũ)", "commune", "TQ-TPTQ", "TQ-MX"],
  ["HG-NT", "Hội LHPN phường Nguyễn Trãi", "commune", "HG-TPHG", "TQ-HG"],
];

export interface SeededUnit {
  id: number;
  level: string;
  active: boolean;
}

/** The unit rows, with both trees laid out exactly as the Worker would. */
export function unitSql(): { sql: string[]; units: Map<string, SeededUnit> } {
  const ids = new Map(DEMO_TREE.map(([code], i) => [code, i + 1]));
  const nodes = DEMO_TREE.map(([code, , , parent, fate]) => {
    const merged = fate !== null && fate !== "new";
    return {
      id: ids.get(code) ?? 0,
      parentId: parent ? (ids.get(parent) ?? null) : null,
      successorId: merged ? (ids.get(fate) ?? null) : null,
      active: !merged,
    };
  });
  const layout = layoutTree(nodes);
  if (!layout.ok) throw new Error("demo tree has a cycle");
  const units = new Map<string, SeededUnit>();
  const sql = DEMO_TREE.map(([code, name, level, , fate], i) => {
    const n = nodes[i];
    const p = n && layout.placements.get(n.id);
    if (!n || !p) throw new Error(`unplaced ${code}`);
    units.set(code, { id: n.id, level, active: n.active });
    return `INSERT INTO units (id, code, name, level, parent_id, path, now_parent_id, now_path, active, valid_from, valid_to, successor_id) VALUES (${n.id}, ${q(code)}, ${q(name)}, ${q(level)}, ${n.parentId ?? "NULL"}, ${q(p.path)}, ${p.nowParentId ?? "NULL"}, ${q(p.nowPath)}, ${n.active ? 1 : 0}, ${fate === "new" ? q(REFORM) : "NULL"}, ${n.active ? "NULL" : q(REFORM)}, ${n.successorId ?? "NULL"});`;
  });
  return { sql, units };
}

const TITLES = [
  "Bồi dưỡng nghiệp vụ công tác Hội cho chi hội trưởng",
  "Tập huấn kỹ năng tuyên truyền, vận động hội viên",
  "Bồi dưỡng kỹ năng chuyển đổi số cho cán bộ Hội",
  "Tập huấn phòng, chống bạo lực gia đình",
  "Bồi dưỡng kiến thức về bình đẳng giới",
  "Tập huấn kỹ năng hỗ trợ phụ nữ khởi nghiệp",
  "Bồi dưỡng lý luận chính trị cho chủ tịch Hội cơ sở",
  "Tập huấn công tác kiểm tra, giám sát của Hội",
];
const LECTURERS = [
  "ThS. Nguyễn Thu Hà",
  "TS. Hoàng Văn Nam",
  "Bà Trần Thị Mai",
  "ThS. Lý Thị Hồng",
  "Bà Đỗ Thị Lan",
];

/** Where classes were held before and after the reform, with each unit's usual quality. */
const QUALITY: Record<string, number> = {
  "BK-HBB": 3.1,
  "TV-TPTV": 3.3,
  "TN-BB": 3.4,
  "HG-TPHG": 3.5,
  "HB-PL": 3.6,
};

export interface HistoryOptions {
  rand: () => number;
  firstEventId: number;
  firstResponseId: number;
  formId: number;
  firstQuestionId: number;
  programmes: { before: number; after: number };
  comments: readonly string[];
  now: Date;
}

/**
 * About 250 closed classes from January 2024 to last month at the units of their time, with
 * responses, some weak classes, a few with under 5 responses and a few with identical answers.
 */
export function historySql(units: Map<string, SeededUnit>, o: HistoryOptions) {
  const sql: string[] = [];
  const insert = (table: string, cols: string, rows: string[]) => {
    for (let i = 0; i < rows.length; i += 400) {
      sql.push(`INSERT INTO ${table} (${cols}) VALUES ${rows.slice(i, i + 400).join(",")};`);
    }
  };
  const created = o.now.toISOString();
  sql.push(
    `INSERT INTO forms (id, title, version, created_at) VALUES (${o.formId}, ${q(STANDARD_FORM_TITLE)}, 1, '2024-01-01T00:00:00Z');`,
  );
  const questions = STANDARD_FORM.map((d, i) => ({ ...d, id: o.firstQuestionId + i }));
  insert(
    "questions",
    "id, form_id, position, type, criterion, label_vi, label_en, required, options, max_length",
    questions.map(
      (d, i) =>
        `(${d.id}, ${o.formId}, ${i + 1}, ${q(d.type)}, ${q(d.criterion)}, ${q(d.labelVi)}, ${q(d.labelEn)}, ${d.required ? 1 : 0}, NULL, ${d.maxLength ?? "NULL"})`,
    ),
  );
  const before = DEMO_TREE.filter(
    ([, , level, , fate]) => fate !== "new" && fate !== null && level !== "central",
  )
    .map(([code]) => code)
    .concat(["HN", "TN", "PT", "VL", "TQ"]);
  const after = DEMO_TREE.filter(([, , , , fate]) => fate === "new")
    .map(([code]) => code)
    .concat(["HN", "TN", "PT", "VL", "TQ"]);
  const events: string[] = [];
  const responses: string[] = [];
  const answers: string[] = [];
  const comments: string[] = [];
  const observations: string[] = [];
  let eventId = o.firstEventId;
  let responseId = o.firstResponseId;
  const thisMonth = o.now.getUTCFullYear() * 12 + o.now.getUTCMonth();
  for (let m = 2024 * 12; m < thisMonth; m++) {
    const year = Math.floor(m / 12);
    const month = (m % 12) + 1;
    const ym = `${year}-${String(month).padStart(2, "0")}`;
    const pool = ym < REFORM.slice(0, 7) ? before : after;
    const count = 5 + Math.floor(o.rand() * 5);
    for (let k = 0; k < count; k++) {
      const code = pool[Math.floor(o.rand() * pool.length)] ?? "TW";
      const unit = units.get(code);
      if (!unit) continue;
      const day = 3 + Math.floor(o.rand() * 24);
      const start = new Date(Date.UTC(year, month - 1, day, 1, 0, 0));
      const end = new Date(start.getTime() + 8 * 3600_000);
      const closes = new Date(end.getTime() + 86400_000);
      const expected = 20 + Math.floor(o.rand() * 41);
      const roll = o.rand();
      const n =
        roll < 0.04
          ? 2 + Math.floor(o.rand() * 3)
          : Math.round(expected * (roll < 0.12 ? 0.35 : 0.6 + o.rand() * 0.4));
      const straightLiner = o.rand() < 0.04;
      const mean = (QUALITY[code] ?? 3.8 + o.rand() * 0.6) + (o.rand() - 0.5) * 0.5;
      const category = TRAINEE_CATEGORIES[Math.floor(o.rand() * TRAINEE_CATEGORIES.length)] ?? "mixed";
      const programme =
        year <= 2025 && ym < REFORM.slice(0, 7) && category !== "mixed" && o.rand() < 0.7
          ? o.programmes.before
          : year === 2026 && o.rand() < 0.6
            ? o.programmes.after
            : null;
      const title = TITLES[Math.floor(o.rand() * TITLES.length)] ?? "Lớp bồi dưỡng";
      events.push(
        `(${eventId}, ${q(`H${eventId.toString(36).toUpperCase().padStart(5, "0")}`)}, 'class', ${q(`${title} (${month}/${year})`)}, ${unit.id}, ${q(start.toISOString())}, ${q(end.toISOString())}, ${q(closes.toISOString())}, ${expected}, ${q(LECTURERS[Math.floor(o.rand() * LECTURERS.length)] ?? "")}, ${q(category)}, ${o.formId}, 'closed', ${q(closes.toISOString())}, ${n}, ${programme ?? "NULL"}, ${q(created)})`,
      );
      for (let r = 0; r < n; r++) {
        responseId++;
        const at = new Date(end.getTime() - 1800_000 + r * 30_000).toISOString();
        responses.push(
          `(${responseId}, ${eventId}, 'hist-${eventId}-${r}', ${r % 15 === 14 ? "'lecturer'" : "'trainee'"}, ${o.formId}, 'demo', ${q(at)})`,
        );
        const flat = straightLiner && r % 3 !== 0 ? 5 : null;
        for (const qq of questions) {
          if (qq.type === "rating") {
            const v = flat ?? Math.max(1, Math.min(5, Math.round(mean + (o.rand() - 0.5) * 2.4)));
            answers.push(`(${responseId}, ${qq.id}, ${v})`);
          } else if (o.rand() < 0.3) {
            comments.push(
              `(${eventId}, ${responseId}, ${qq.id}, ${q(o.comments[Math.floor(o.rand() * o.comments.length)] ?? "")})`,
            );
          }
        }
      }
      // The Thái Nguyên inspection team sat in on some of its classes; one visit disagrees sharply.
      const tnUnits = new Set([
        "TN",
        "TN-PDP",
        "TN-DX",
        "TN-DT",
        "TN-BB",
        "TN-TPTN",
        "TN-HDT",
        "TN-TV",
        "TN-HS",
      ]);
      if (tnUnits.has(code) && o.rand() < 0.35) {
        const base = Math.round(mean + (observations.length === 0 ? -1.6 : 0));
        const s = () => Math.max(1, Math.min(5, base + Math.round((o.rand() - 0.5) * 1.5)));
        observations.push(
          `(${eventId}, (SELECT id FROM users WHERE email = 'kiemtra@gopy.local'), ${s()}, ${s()}, ${s()}, ${s()}, ${s()}, ${s()}, ${q(observations.length === 0 ? "Giảng viên đọc tài liệu, học viên ít được thực hành." : "Lớp nghiêm túc, đúng chương trình.")}, ${q(start.toISOString().slice(0, 10))}, ${q(created)})`,
        );
      }
      eventId++;
    }
  }
  insert(
    "events",
    "id, code, kind, title, unit_id, starts_at, ends_at, closes_at, expected_participants, lecturers, trainee_category, form_id, status, closed_at, response_count, programme_id, created_at",
    events,
  );
  insert("responses", "id, event_id, client_id, role, form_id, body_hash, created_at", responses);
  insert("answers", "response_id, question_id, value_num", answers);
  insert("comments", "event_id, response_id, question_id, text", comments);
  insert(
    "observations",
    "event_id, user_id, content, method, interaction, organisation, materials, usefulness, note, observed_on, updated_at",
    observations,
  );
  return { sql, classes: eventId - o.firstEventId, responses: responseId - o.firstResponseId };
}
