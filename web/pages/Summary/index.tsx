// The leaders' report: theme × who must act, representative proposals, follow-up by status, print and exports.
import { useState } from "preact/hooks";
import { countProposals } from "../../../worker/domain/proposal";
import { ApiProblem, api, ok } from "../../api";
import { Downloads } from "../../components/Downloads";
import { Layout, PendingPage, Problem } from "../../components/Layout";
import { usePrintHeader } from "../../components/PrintHeader";
import { Table } from "../../components/Table";
import { UnitPicker } from "../../components/UnitPicker";
import { formatDays, t } from "../../i18n";
import { useAsync } from "../../useAsync";
import {
  ADDRESSEES,
  addresseeLabel,
  type BoardItem,
  FOLLOW_STATUSES,
  followLabel,
  isFollowStatus,
  proposalsLine,
} from "../../workshop";

function FollowRow(props: {
  eventId: string;
  item: BoardItem;
  group: string;
  units: { id: number; name: string }[];
  onSaved: () => void;
}) {
  const { item } = props;
  const [status, setStatus] = useState(item.followStatus ?? "");
  const [note, setNote] = useState(item.followNote ?? "");
  const [unit, setUnit] = useState(item.followUnitId === null ? "" : String(item.followUnitId));
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const unitName = props.units.find((u) => u.id === item.followUnitId)?.name ?? "";
  return (
    <tr>
      <td>{item.text}</td>
      <td>{props.group}</td>
      <td>{addresseeLabel(item.addressee)}</td>
      <td class="num">{item.supports}</td>
      <td>
        <select
          aria-label={t("app.follow_status")}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
        >
          <option value="">{t("app.no_status")}</option>
          {FOLLOW_STATUSES.map((s) => (
            <option key={s} value={s}>
              {followLabel(s)}
            </option>
          ))}
        </select>
        <span class="print-only">{followLabel(item.followStatus)}</span>
      </td>
      <td>
        <UnitPicker label={t("app.follow_unit")} value={unit} onChange={setUnit} units={props.units} />
        {/* On paper, what was saved. */}
        <span class="print-only">{unitName}</span>
      </td>
      <td>
        <input
          aria-label={t("app.follow_note")}
          value={note}
          maxLength={1000}
          onInput={(e) => {
            setNote(e.currentTarget.value);
            setSaved(false);
          }}
        />
        <span class="print-only">{item.followNote ?? ""}</span>
        <Problem error={problem} />
      </td>
      <td class="no-print">
        <button
          type="button"
          class="small"
          onClick={async () => {
            setProblem(undefined);
            setSaved(false);
            try {
              await ok(
                await api.api.events[":id"].proposals[":pid"].$patch({
                  param: { id: props.eventId, pid: String(item.id) },
                  json: {
                    followStatus: isFollowStatus(status) ? status : null,
                    followNote: note || null,
                    followUnitId: unit ? Number(unit) : null,
                  },
                }),
              );
              setSaved(true);
              props.onSaved();
            } catch (err) {
              if (err instanceof ApiProblem) setProblem(err.message);
              else throw err;
            }
          }}
        >
          {t("app.save")}
        </button>
        {/* Said beside the button she pressed, not at the top of a long list. */}
        <span role="status" class="small" data-testid="follow-saved">
          {saved ? t("app.saved") : ""}
        </span>
      </td>
    </tr>
  );
}

export function SummaryPage(props: { id: string }) {
  const param = { id: props.id };
  const event = useAsync(async () => ok(await api.api.events[":id"].$get({ param })), [props.id]);
  const board = useAsync(async () => ok(await api.api.events[":id"].groups.$get({ param })), [props.id]);
  const units = useAsync(async () => ok(await api.api.units.$get()), []);
  const [statusFilter, setStatusFilter] = useState("");
  const [addresseeFilter, setAddresseeFilter] = useState("");
  const e = event.data;
  usePrintHeader(e ? `${e.unitName} · ${e.title} · ${formatDays(e.startsAt, e.endsAt)}` : null);
  if (!event.data || !board.data)
    return <PendingPage title={t("app.summary")} error={event.error ?? board.error} />;
  const groups = board.data.groups.map((g) => ({
    ...g,
    items: g.items.flatMap((i) => ("addressee" in i ? [i] : [])),
  }));
  // The phones', board's and projector's rule: a merged family counts once, supports once per family.
  const cell = (items: BoardItem[]) => {
    const c = countProposals(items);
    return { n: c.proposals, s: c.supports };
  };
  // The follow-up list shows each merged family once, under the proposal it was merged into.
  const rows = groups.flatMap((g) =>
    g.items.filter((i) => i.duplicateOf === null).map((item) => ({ item, group: g.label })),
  );
  const shown = rows.filter(
    (r) =>
      (statusFilter === "" || (r.item.followStatus ?? "none") === statusFilter) &&
      (addresseeFilter === "" || r.item.addressee === addresseeFilter),
  );
  return (
    <Layout
      title={`${t("app.summary")}: ${event.data.title}`}
      actions={
        <>
          <Downloads
            files={[
              {
                url: api.api.events[":id"]["proposals.xlsx"].$url({ param: { id: props.id } }),
                label: t("app.export_xlsx"),
              },
              {
                url: api.api.events[":id"]["proposals.csv"].$url({ param: { id: props.id } }),
                label: t("app.export_csv"),
              },
            ]}
          />
          <button type="button" onClick={() => print()}>
            {t("app.print")}
          </button>
        </>
      }
    >
      {event.data.question ? <p class="lead">{event.data.question}</p> : null}
      <p class="muted">
        {proposalsLine(
          groups.flatMap((g) => g.items),
          event.data.expectedParticipants,
        )}
      </p>
      <h2>{t("app.grid_title")}</h2>
      <Table class="list grid" data-testid="grid">
        <thead>
          <tr>
            <th scope="col">{t("app.theme")}</th>
            {ADDRESSEES.map((a) => (
              <th scope="col" key={a}>
                {addresseeLabel(a)}
              </th>
            ))}
            <th scope="col">{t("app.total")}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.id}>
              <th scope="row">{g.label}</th>
              {ADDRESSEES.map((a) => {
                const c = cell(g.items.filter((i) => i.addressee === a));
                return (
                  <td key={a} class="num">
                    {c.n > 0 ? `${c.n} / ${c.s}` : "·"}
                  </td>
                );
              })}
              <td class="num">
                <b>
                  {cell(g.items).n} / {cell(g.items).s}
                </b>
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <h2>{t("app.representatives")}</h2>
      {groups.map((g) => (
        <section key={g.id} class="rep">
          <h3>
            {g.label} ({g.items.length})
          </h3>
          {g.keywords.length > 0 ? <p class="keywords">{g.keywords.join(" · ")}</p> : null}
          <ul>
            {g.items.slice(0, 3).map((i) => (
              <li key={i.id}>
                “{i.text}”{" "}
                <span class="muted">
                  — {addresseeLabel(i.addressee)}, {t("ws.supports", { n: i.supports })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2>{t("app.follow_up")}</h2>
      <div class="row-actions no-print">
        <label>
          {t("app.filter_status")}{" "}
          <select value={statusFilter} onChange={(e) => setStatusFilter(e.currentTarget.value)}>
            <option value="">{t("app.all")}</option>
            <option value="none">{t("app.no_status")}</option>
            {FOLLOW_STATUSES.map((s) => (
              <option key={s} value={s}>
                {followLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("app.filter_addressee")}{" "}
          <select value={addresseeFilter} onChange={(e) => setAddresseeFilter(e.currentTarget.value)}>
            <option value="">{t("app.all")}</option>
            {ADDRESSEES.map((a) => (
              <option key={a} value={a}>
                {addresseeLabel(a)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Table class="list follow">
        <thead>
          <tr>
            <th scope="col">{t("app.proposals")}</th>
            <th scope="col">{t("app.theme")}</th>
            <th scope="col">{t("app.addressee")}</th>
            <th scope="col">♥</th>
            <th scope="col">{t("app.follow_status")}</th>
            <th scope="col">{t("app.follow_unit")}</th>
            <th scope="col">{t("app.follow_note")}</th>
            <th scope="col" class="no-print" />
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <FollowRow
              key={r.item.id}
              eventId={props.id}
              item={r.item}
              group={r.group}
              // Today's units in scope (a dissolved one only where it was already chosen), by name.
              units={(units.data ?? []).filter((u) => u.active || u.id === r.item.followUnitId)}
              onSaved={() => void board.reload()}
            />
          ))}
        </tbody>
      </Table>
    </Layout>
  );
}
