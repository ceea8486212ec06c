// The projector view for the back of the room: large type, a large QR code with the code to join, and every proposal whole, pages of columns turning by themselves.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { countProposals } from "../../../worker/domain/proposal";
import { api, ok } from "../../api";
import { PendingPage } from "../../components/Layout";
import { Qr } from "../../components/Qr";
import { t } from "../../i18n";
import { useAsync } from "../../useAsync";
import { type Block, type Placed, packPages } from "./pack";

/** Columns on one screen (about 36 px type at 1920 wide), and how long each page stays. */
const COLUMNS = 3;
const PAGE_MS = 12_000;
/** The smallest a proposal longer than a whole column is shrunk to, of the usual size. */
const MIN_SCALE = 0.45;

interface Piece {
  key: string;
  head: boolean;
  group: number;
  label: string;
  count: number;
  supports: number;
}

interface Layout {
  pages: Placed[][][];
  /** Font scale of the proposals taller than a column, by block index. */
  scale: Map<number, number>;
}

/** Each group's name line, then its proposals; merged originals are counted in their group, not shown twice. */
function piecesOf(
  groups: readonly {
    id: number;
    label: string;
    items: readonly ({ id: number; text: string } & Partial<GroupItemFields>)[];
  }[],
): Piece[] {
  return groups.flatMap((g) => [
    {
      key: `g${g.id}`,
      head: true,
      group: g.id,
      label: g.label,
      count: countProposals(g.items).proposals,
      supports: 0,
    },
    ...g.items
      .filter((i) => !i.duplicateOf)
      .map((i) => ({
        key: `p${i.id}`,
        head: false,
        group: g.id,
        label: i.text,
        count: 0,
        supports: i.supports ?? 0,
      })),
  ]);
}

interface GroupItemFields {
  duplicateOf: number | null;
  supports: number;
}

export function ProjectorPage(props: { id: string }) {
  const param = { id: props.id };
  const event = useAsync(async () => ok(await api.api.events[":id"].$get({ param })), [props.id]);
  const groups = useAsync(async () => ok(await api.api.events[":id"].groups.$get({ param })), [props.id]);
  const [page, setPage] = useState(0);
  const [layout, setLayout] = useState<Layout | null>(null);
  const [room, setRoom] = useState("");
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const measure = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const timer = setInterval(() => void groups.reload(), 5000);
    return () => clearInterval(timer);
  }, [groups.reload]);
  useEffect(() => {
    const timer = setInterval(() => setPage((p) => p + 1), PAGE_MS);
    return () => clearInterval(timer);
  }, []);
  // The columns' room changes with the screen and with the header (its QR code draws after).
  useEffect(() => {
    if (!box) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setRoom(`${entry.contentRect.width}x${entry.contentRect.height}`);
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, [box]);

  const pieces = useMemo(() => piecesOf(groups.data?.groups ?? []), [groups.data]);

  // Measured at the column's width before the first paint, again when the board or the screen changes.
  useLayoutEffect(() => {
    const ruler = measure.current;
    if (!box || !ruler) return;
    const column = box.clientHeight;
    const heights = [...ruler.querySelectorAll<HTMLElement>("[data-block]")].map(
      (el) => el.getBoundingClientRect().height,
    );
    const continued = new Map(
      [...ruler.querySelectorAll<HTMLElement>("[data-continued]")].map((el) => [
        Number(el.dataset.continued),
        el.getBoundingClientRect().height,
      ]),
    );
    const scale = new Map<number, number>();
    const blocks: Block[] = pieces.map((p, i) => {
      const height = heights[i] ?? 0;
      if (p.head)
        return { head: true, group: p.group, height, continuedHeight: continued.get(p.group) ?? height };
      const space = column - (continued.get(p.group) ?? 0);
      if (height <= space) return { head: false, group: p.group, height };
      // Height shrinks about as the square of the type size at a fixed width.
      scale.set(i, Math.max(MIN_SCALE, 0.95 * Math.sqrt(space / height)));
      return { head: false, group: p.group, height: space };
    });
    setLayout({ pages: packPages(blocks, COLUMNS, column), scale });
  }, [pieces, room, box]);

  if (!event.data || !groups.data)
    return <PendingPage title={t("app.projector")} error={event.error ?? groups.error} />;
  const total = countProposals(groups.data.groups.flatMap((g) => g.items)).proposals;
  const pages = layout?.pages ?? [[]];
  const current = page % pages.length;
  // The ruler's copies carry no test ids: what is looked for on screen is what is shown.
  const render = (p: Piece, continued: boolean, shown: boolean, fontSize?: string) => {
    const id = (name: string) => (shown ? name : undefined);
    return p.head ? (
      <h2 class="pj-name" data-testid={id("pj-group")}>
        <span data-testid={id("pj-label")}>
          {p.label}
          {continued ? ` ${t("app.projector_continued")}` : ""}
        </span>{" "}
        <span class="pj-count" data-testid={id("pj-count")}>
          {p.count}
        </span>
      </h2>
    ) : (
      <p class="pj-item" data-testid={id("pj-item")} style={fontSize ? { fontSize } : undefined}>
        {p.label}
        {p.supports > 0 ? <span class="pj-sup"> ♥&nbsp;{p.supports}</span> : null}
      </p>
    );
  };
  return (
    <main class="projector">
      <header class="pj-head">
        <div>
          <h1>{event.data.title}</h1>
          {event.data.question ? <p class="pj-question">{event.data.question}</p> : null}
          <p class="pj-join">
            {t("app.join_at", { url: event.data.surveyUrl, code: event.data.code })} · {total}{" "}
            {t("app.proposals").toLowerCase()}
          </p>
        </div>
        <div class="pj-qr">
          <Qr text={event.data.surveyUrl} label={event.data.surveyUrl} />
          <p class="pj-code" data-testid="pj-code">
            {event.data.code}
          </p>
        </div>
      </header>
      <div class="pj-area" ref={setBox}>
        <div class="pj-columns pj-ruler" ref={measure} aria-hidden="true">
          <div class="pj-col">
            {pieces.map((p) => (
              <div key={p.key} data-block>
                {render(p, false, false)}
              </div>
            ))}
            {pieces
              .filter((p) => p.head)
              .map((p) => (
                <div key={`c${p.key}`} data-continued={p.group}>
                  {render(p, true, false)}
                </div>
              ))}
          </div>
        </div>
        <div class="pj-columns" data-testid="pj-page-columns">
          {(pages[current] ?? []).map((column, c) => (
            <div class="pj-col" key={`${current}-${c}`}>
              {column.map(({ index, continued }) => {
                const p = pieces[index];
                if (!p) return null;
                const scale = layout?.scale.get(index);
                return (
                  <div key={`${p.key}${continued ? "c" : ""}`} data-block>
                    {render(p, continued, true, scale ? `${0.85 * scale}em` : undefined)}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      </div>
      {/* Always there, so the columns' height does not change when a second page appears. */}
      <p class="pj-page" data-testid="pj-page" aria-live="polite">
        {pages.length > 1 ? t("app.projector_page", { n: current + 1, of: pages.length }) : ""}
      </p>
    </main>
  );
}
