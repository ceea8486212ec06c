// Staff app entry: the table of its pages, each loaded when first opened.
import { render } from "preact";
import { ErrorBoundary, LocationProvider, lazy, Route, Router } from "preact-iso";
import { lang } from "./i18n";
import { Events } from "./pages/Events";

// One line a page; more specific paths before the ones they would also match.
const Login = lazy(() => import("./pages/Login").then((m) => m.Login));
const NewEvent = lazy(() => import("./pages/NewEvent").then((m) => m.NewEvent));
const UnitsAdmin = lazy(() => import("./pages/Units").then((m) => m.UnitsAdmin));
const AuditPage = lazy(() => import("./pages/Audit").then((m) => m.AuditPage));
const ScoresPage = lazy(() => import("./pages/Scores").then((m) => m.ScoresPage));
const Poster = lazy(() => import("./pages/Poster").then((m) => m.Poster));
const PaperEntry = lazy(() => import("./pages/PaperEntry").then((m) => m.PaperEntry));
const PaperSheets = lazy(() => import("./pages/PaperSheets").then((m) => m.PaperSheets));
const ReportPage = lazy(() => import("./pages/Report").then((m) => m.ReportPage));
const BoardPage = lazy(() => import("./pages/Board").then((m) => m.BoardPage));
const ProjectorPage = lazy(() => import("./pages/Projector").then((m) => m.ProjectorPage));
const SummaryPage = lazy(() => import("./pages/Summary").then((m) => m.SummaryPage));
const EventPage = lazy(() => import("./pages/Event").then((m) => m.EventPage));
const AccountsPage = lazy(() => import("./pages/Accounts").then((m) => m.AccountsPage));
const AccountPage = lazy(() => import("./pages/Account").then((m) => m.AccountPage));
const SetPassword = lazy(() => import("./pages/SetPassword").then((m) => m.SetPassword));
const TemplatesPage = lazy(() => import("./pages/Templates").then((m) => m.TemplatesPage));
const ProgrammesPage = lazy(() => import("./pages/Programmes").then((m) => m.ProgrammesPage));
const ProgressPage = lazy(() => import("./pages/Programmes").then((m) => m.ProgressPage));
const PeoplePage = lazy(() => import("./pages/People").then((m) => m.PeoplePage));
const LexiconPage = lazy(() => import("./pages/Lexicon").then((m) => m.LexiconPage));
const NotFound = lazy(() => import("./pages/NotFound").then((m) => m.NotFound));

function App() {
  return (
    // Only /app links are the app's own; downloads and the phone pages are ordinary links.
    <LocationProvider scope="/app">
      <ErrorBoundary>
        <Router>
          <Route path="/app/login" component={Login} />
          <Route path="/app/set-password" component={SetPassword} />
          <Route path="/app/users" component={AccountsPage} />
          <Route path="/app/account" component={AccountPage} />
          <Route path="/app/templates" component={TemplatesPage} />
          <Route path="/app/lexicon" component={LexiconPage} />
          <Route path="/app/people" component={PeoplePage} />
          <Route path="/app/programmes/:id" component={ProgressPage} />
          <Route path="/app/programmes" component={ProgrammesPage} />
          <Route path="/app/events/new" component={NewEvent} />
          <Route path="/app/units/admin" component={UnitsAdmin} />
          <Route path="/app/audit" component={AuditPage} />
          <Route path="/app/units/:id?" component={ScoresPage} />
          <Route path="/app/events/:id/poster" component={Poster} />
          <Route path="/app/events/:id/sheets" component={PaperSheets} />
          <Route path="/app/events/:id/paper" component={PaperEntry} />
          <Route path="/app/events/:id/report" component={ReportPage} />
          <Route path="/app/events/:id/board" component={BoardPage} />
          <Route path="/app/events/:id/projector" component={ProjectorPage} />
          <Route path="/app/events/:id/summary" component={SummaryPage} />
          <Route path="/app/events/:id" component={EventPage} />
          <Route path="/app" component={Events} />
          <Route default component={NotFound} />
        </Router>
      </ErrorBoundary>
    </LocationProvider>
  );
}

document.documentElement.lang = lang.value;
const root = document.getElementById("app");
if (root) render(<App />, root);
