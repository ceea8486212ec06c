// The workshops linked to a programme, each with its delegates' proposals by where their follow-up stands.
import { FOLLOW_STATUSES, type FollowStatus } from "../../../worker/domain/proposal";
import { vietnamDay } from "../../../worker/domain/time";
import { Table } from "../../components/Table";
import { formatDay, t } from "../../i18n";
import { Link } from "../../router";

export interface ProgrammeWorkshop {
  id: number;
  title: string;
  startsAt: string;
  unitName: string;
  proposals: number;
  follow: Record<FollowStatus | "none", number>;
}

export function WorkshopsPanel(props: { workshops: readonly ProgrammeWorkshop[] }) {
  const total = (k: FollowStatus | "none") => props.workshops.reduce((n, w) => n + w.follow[k], 0);
  return (
    <section class="panel" data-testid="workshops">
      <h2>{t("prog.workshops")}</h2>
      {props.workshops.length === 0 ? (
        <p class="muted">{t("prog.no_workshops")}</p>
      ) : (
        <Table class="list">
          <thead>
            <tr>
              <th scope="col">{t("prog.workshop")}</th>
              <th scope="col">{t("prog.proposals")}</th>
              <th scope="col">{t("prog.follow_none")}</th>
              {FOLLOW_STATUSES.map((s) => (
                <th key={s} scope="col">
                  {t(`follow.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.workshops.map((w) => (
              <tr key={w.id}>
                <th scope="row">
                  <Link href={`/app/events/${w.id}`}>{w.title}</Link>
                  <br />
                  <span class="muted">
                    {w.unitName} · {formatDay(vietnamDay(w.startsAt))}
                  </span>
                </th>
                <td>{w.proposals}</td>
                <td>{w.follow.none}</td>
                {FOLLOW_STATUSES.map((s) => (
                  <td key={s}>{w.follow[s]}</td>
                ))}
              </tr>
            ))}
          </tbody>
          {props.workshops.length > 1 ? (
            <tfoot>
              <tr>
                <th scope="row">{t("app.total")}</th>
                <td>{props.workshops.reduce((n, w) => n + w.proposals, 0)}</td>
                <td>{total("none")}</td>
                {FOLLOW_STATUSES.map((s) => (
                  <td key={s}>{total(s)}</td>
                ))}
              </tr>
            </tfoot>
          ) : null}
        </Table>
      )}
    </section>
  );
}
