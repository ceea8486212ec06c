// The admin's accounts page: search and page through the subtree's accounts, create one with a link, change, reset, unlock.
import { useState } from "preact/hooks";
import { ROLES, type Role } from "../../../worker/domain/terms";
import { ApiProblem, api, ok } from "../../api";
import { useAsk } from "../../components/Ask";
import { Field } from "../../components/Field";
import { Layout, Problem } from "../../components/Layout";
import { ShareLink } from "../../components/ShareLink";
import { Table } from "../../components/Table";
import { UnitSelect } from "../../components/UnitSelect";
import { formatTime, t } from "../../i18n";
import { useAsync } from "../../useAsync";
import { usePages } from "../../usePages";

const PAGE = 50;

/** The role a select now shows (its options are the roles, so the fallback never shows). */
const roleOf = (value: string, fallback: Role): Role => ROLES.find((r) => r === value) ?? fallback;

type Account = Awaited<ReturnType<typeof loadPage>>["items"][number];

type Status = "" | "active" | "inactive" | "locked";

async function loadPage(q: string, status: Status, cursor: number | null) {
  return ok(
    await api.api.users.$get({
      query: {
        limit: String(PAGE),
        ...(q ? { q } : {}),
        ...(status ? { status } : {}),
        ...(cursor === null ? {} : { cursor: String(cursor) }),
      },
    }),
  );
}

function AccountRow(props: {
  account: Account;
  units: { id: number; name: string }[];
  onChanged: (link?: { email: string; url: string }) => void;
}) {
  const a = props.account;
  const ask = useAsk();
  const [role, setRole] = useState<Role>(a.role);
  const [unitId, setUnitId] = useState(String(a.unitId));
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const param = { id: String(a.id) };
  const act = async (run: () => Promise<unknown>) => {
    setProblem(undefined);
    try {
      await run();
    } catch (err) {
      if (err instanceof ApiProblem) {
        setProblem(Object.values(err.failure.fields)[0] ?? err.message);
      } else throw err;
    }
  };
  return (
    <tr data-testid="account">
      <td>
        <strong>{a.name || "–"}</strong>
        <br />
        {a.email}
      </td>
      <td>
        <select
          aria-label={t("acc.role")}
          value={role}
          onChange={(e) => setRole(roleOf(e.currentTarget.value, role))}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select aria-label={t("acc.unit")} value={unitId} onChange={(e) => setUnitId(e.currentTarget.value)}>
          {props.units.some((u) => String(u.id) === unitId) ? null : (
            <option value={unitId}>{a.unitName}</option>
          )}
          {props.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        {a.unitMerged ? <div class="field-error">{t("acc.unit_merged")}</div> : null}
      </td>
      <td>{a.lastSignInAt ? formatTime(a.lastSignInAt) : t("acc.never")}</td>
      <td>
        {a.active ? t("acc.active") : t("acc.inactive")}
        {a.locked ? <div class="field-error">{t("acc.locked")}</div> : null}
      </td>
      <td class="row-actions">
        <button
          type="button"
          class="small"
          disabled={role === a.role && unitId === String(a.unitId)}
          onClick={() =>
            act(async () => {
              await ok(await api.api.users[":id"].$patch({ param, json: { role, unitId: Number(unitId) } }));
              props.onChanged();
            })
          }
        >
          {t("acc.save")}
        </button>
        <button
          type="button"
          class="small secondary"
          onClick={() =>
            act(async () => {
              // Locking someone out is asked first; opening the account again is not.
              if (a.active) {
                const yes = await ask.confirm({
                  title: t("acc.deactivate"),
                  message: t("acc.deactivate_confirm", { email: a.email }),
                  confirm: t("acc.deactivate"),
                  danger: true,
                });
                if (!yes) return;
              }
              await ok(await api.api.users[":id"].$patch({ param, json: { active: !a.active } }));
              props.onChanged();
            })
          }
        >
          {a.active ? t("acc.deactivate") : t("acc.activate")}
        </button>
        <button
          type="button"
          class="small secondary"
          onClick={() =>
            act(async () => {
              const yes = await ask.confirm({
                title: t("acc.reset"),
                message: t("acc.reset_confirm", { email: a.email }),
                confirm: t("acc.reset"),
                danger: true,
              });
              if (!yes) return;
              const r = await ok(await api.api.users[":id"].reset.$post({ param }));
              props.onChanged({ email: a.email, url: r.setPasswordUrl });
            })
          }
        >
          {t("acc.reset")}
        </button>
        {a.locked ? (
          <button
            type="button"
            class="small secondary"
            onClick={() =>
              act(async () => {
                await ok(await api.api.users[":id"].unlock.$post({ param }));
                props.onChanged();
              })
            }
          >
            {t("acc.unlock")}
          </button>
        ) : null}
        {problem ? (
          <span class="field-error" role="alert">
            {problem}
          </span>
        ) : null}
        {ask.dialog}
      </td>
    </tr>
  );
}

export function AccountsPage() {
  const [q, setQ] = useState("");
  const [status, setStatus] = useState<Status>("");
  const [link, setLink] = useState<{ email: string; url: string; created?: boolean } | undefined>(undefined);
  const units = useAsync(async () => (await ok(await api.api.units.$get())).filter((u) => u.active), []);
  const list = usePages((cursor) => loadPage(q, status, cursor), [q, status]);
  const [form, setForm] = useState<{ email: string; name: string; role: Role; unitId: string }>({
    email: "",
    name: "",
    role: "organiser",
    unitId: "",
  });
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const fields = problem?.failure.fields ?? {};
  const unitList = units.data ?? [];
  const items = list.items ?? [];
  const changed = (l?: { email: string; url: string }) => {
    setLink(l);
    void list.reload();
  };
  return (
    <Layout title={t("acc.title")}>
      <Problem error={list.error ?? units.error} />
      {link ? (
        <div class="notice" role="status" data-testid="set-link">
          <p>{link.created ? t("acc.created") : t("acc.reset_done", { email: link.email })}</p>
          <ShareLink url={link.url} title={t("acc.set_title")} />
          <p>
            <code>{link.url}</code>
          </p>
        </div>
      ) : null}
      <form
        class="panel grid3"
        onSubmit={async (e) => {
          e.preventDefault();
          setProblem(undefined);
          // The last account's notice goes: a refused one must not stand under "Đã tạo tài khoản".
          setLink(undefined);
          try {
            const created = await ok(
              await api.api.users.$post({
                json: { ...form, unitId: Number(form.unitId || unitList[0]?.id || 0) },
              }),
            );
            setLink({ email: form.email, url: created.setPasswordUrl, created: true });
            setForm({ ...form, email: "", name: "" });
            void list.reload();
          } catch (err) {
            if (err instanceof ApiProblem) setProblem(err);
            else throw err;
          }
        }}
      >
        <Field id="acc-email" label={t("acc.email")} error={fields.email}>
          <input
            id="acc-email"
            type="email"
            required
            value={form.email}
            onInput={(e) => setForm({ ...form, email: e.currentTarget.value })}
          />
        </Field>
        <Field id="acc-name" label={t("acc.name")} error={fields.name}>
          <input
            id="acc-name"
            required
            maxLength={200}
            value={form.name}
            onInput={(e) => setForm({ ...form, name: e.currentTarget.value })}
          />
        </Field>
        <Field id="acc-role" label={t("acc.role")} error={fields.role}>
          <select
            id="acc-role"
            value={form.role}
            onChange={(e) => setForm({ ...form, role: roleOf(e.currentTarget.value, form.role) })}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="acc-unit" label={t("acc.unit")} error={fields.unitId}>
          <UnitSelect
            id="acc-unit"
            value={form.unitId || String(unitList[0]?.id ?? "")}
            onChange={(unitId) => setForm({ ...form, unitId })}
            units={unitList}
          />
        </Field>
        <button type="submit">{t("acc.create")}</button>
      </form>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t("acc.search")}
          <input type="search" value={q} onChange={(e) => setQ(e.currentTarget.value.trim())} />
        </label>
        <label>
          {t("acc.status")}
          <select
            value={status}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setStatus(v === "active" || v === "inactive" || v === "locked" ? v : "");
            }}
          >
            <option value="">{t("app.events_any_status")}</option>
            <option value="active">{t("acc.active")}</option>
            <option value="inactive">{t("acc.inactive")}</option>
            <option value="locked">{t("acc.locked")}</option>
          </select>
        </label>
      </form>
      {list.total !== undefined ? <p class="muted">{t("acc.count", { n: list.total })}</p> : null}
      <Table class="list">
        <thead>
          <tr>
            <th scope="col">{t("acc.name")}</th>
            <th scope="col">{t("acc.role")}</th>
            <th scope="col">{t("acc.unit")}</th>
            <th scope="col">{t("acc.last_sign_in")}</th>
            <th scope="col">{t("acc.status")}</th>
            <th scope="col">
              <span class="sr-only">{t("acc.save")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <AccountRow
              key={`${a.id}-${a.role}-${a.unitId}-${a.active}`}
              account={a}
              units={unitList}
              onChanged={changed}
            />
          ))}
        </tbody>
      </Table>
      {list.hasMore ? (
        <button type="button" class="secondary" onClick={list.more}>
          {t("acc.more")}
        </button>
      ) : null}
    </Layout>
  );
}
