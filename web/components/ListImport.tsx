// An uploaded list (CSV or Excel, the register's columns): previewed first, every wrong line named, then stored.
import { useState } from "preact/hooks";
import { t } from "../i18n";
import { Table } from "./Table";

interface ImportOutcome {
  created: number;
  updated: number;
  errors: { line: number; field: string; message: string }[];
  dryRun: boolean;
}

/** Sends the chosen file as it is (CSV or Excel): the preview, or the import itself. */
async function sendList(url: URL, file: File, dryRun: boolean): Promise<ImportOutcome> {
  const type = /\.xlsx$/i.test(file.name)
    ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    : "text/csv";
  const res = await fetch(`${url.pathname}${url.search}`, {
    method: "POST",
    headers: { "Content-Type": type },
    body: await file.arrayBuffer(),
    credentials: "same-origin",
  });
  const body = (await res.json()) as Partial<ImportOutcome> & { error?: { message?: string } };
  return {
    created: body.created ?? 0,
    updated: body.updated ?? 0,
    errors:
      body.errors ?? (body.error ? [{ line: 0, field: "file", message: body.error.message ?? "" }] : []),
    dryRun,
  };
}

export function ListImport(props: {
  id: string;
  title: string;
  /** False where the title is already shown (a folded section's summary). */
  heading?: boolean;
  help: string;
  /** The import's address, with `?dryRun=1` for the preview (the typed client's $url()). */
  url: (dryRun: boolean) => URL;
  onImported: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [unsent, setUnsent] = useState(false);
  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setUnsent(false);
    try {
      const r = await sendList(props.url(dryRun), file, dryRun);
      setOutcome(r);
      if (!dryRun && r.errors.length === 0) props.onImported();
    } catch {
      // The network dropped, or something on the way answered in other than JSON: nothing is known
      // to be stored (an import is all or nothing), so she is told to send again.
      setUnsent(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section
      class={props.heading === false ? undefined : "panel"}
      {...(props.heading === false ? { "aria-label": props.title } : { "aria-labelledby": props.id })}
    >
      {props.heading === false ? null : <h2 id={props.id}>{props.title}</h2>}
      <p class="hint">{props.help}</p>
      <input
        type="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={t("ppl.import_file")}
        onChange={(e) => {
          setFile(e.currentTarget.files?.[0] ?? null);
          setOutcome(null);
          setUnsent(false);
        }}
      />
      <div class="row-actions">
        <button type="button" class="secondary" disabled={!file || busy} onClick={() => void send(true)}>
          {t("ppl.preview")}
        </button>
        {outcome?.dryRun && outcome.errors.length === 0 ? (
          <button type="button" disabled={busy} onClick={() => void send(false)}>
            {t("ppl.import_save", { n: outcome.created + outcome.updated })}
          </button>
        ) : null}
      </div>
      {unsent ? (
        <p class="problem" role="alert">
          {t("ppl.import_unsent")}
        </p>
      ) : null}
      {outcome ? (
        <div role="status" data-testid="import-outcome">
          {outcome.errors.length > 0 ? (
            <>
              <p class="problem">{t("ppl.import_refused", { n: outcome.errors.length })}</p>
              <Table class="list">
                <thead>
                  <tr>
                    <th scope="col">{t("ppl.line")}</th>
                    <th scope="col">{t("ppl.column")}</th>
                    <th scope="col">{t("ppl.problem")}</th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.errors.map((e) => (
                    <tr key={`${e.line}-${e.field}`}>
                      <td>{e.line}</td>
                      <td>
                        <code>{e.field}</code>
                      </td>
                      <td>{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </>
          ) : (
            <p class="notice">
              {t(outcome.dryRun ? "ppl.preview_counts" : "ppl.imported", {
                created: outcome.created,
                updated: outcome.updated,
              })}
            </p>
          )}
        </div>
      ) : null}
    </section>
  );
}
