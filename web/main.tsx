// Staff app entry: routes /app/... to its pages.
import { render } from "preact";
import { lang } from "./i18n";
import { AuditPage } from "./pages/Audit";
import { BoardPage } from "./pages/Board";
import { EventPage } from "./pages/Event";
import { Events } from "./pages/Events";
import { Login } from "./pages/Login";
import { NewEvent } from "./pages/NewEvent";
import { Poster } from "./pages/Poster";
import { ProjectorPage } from "./pages/Projector";
import { ReportPage } from "./pages/Report";
import { ScoresPage } from "./pages/Scores";
import { SummaryPage } from "./pages/Summary";
import { UnitsAdmin } from "./pages/Units";
import { usePath } from "./router";

function App() {
  const path = usePath();
  const id = /^\/app\/events\/(\d+)/.exec(path)?.[1];
  if (path.startsWith("/app/login")) return <Login />;
  if (path === "/app/events/new") return <NewEvent />;
  if (path === "/app/units/admin") return <UnitsAdmin />;
  if (path === "/app/audit") return <AuditPage />;
  if (path.startsWith("/app/units")) return <ScoresPage id={/^\/app\/units\/(\d+)/.exec(path)?.[1]} />;
  if (id && path.endsWith("/poster")) return <Poster id={id} />;
  if (id && path.endsWith("/report")) return <ReportPage id={id} />;
  if (id && path.endsWith("/board")) return <BoardPage id={id} />;
  if (id && path.endsWith("/projector")) return <ProjectorPage id={id} />;
  if (id && path.endsWith("/summary")) return <SummaryPage id={id} />;
  if (id) return <EventPage id={id} />;
  return <Events />;
}

document.documentElement.lang = lang.value;
const root = document.getElementById("app");
if (root) render(<App />, root);
