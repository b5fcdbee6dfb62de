/** The browser client's entry: one bundle, the page chosen by the path the server answered. */

import { render } from "preact";
import { Home } from "./pages/home";
import { InterviewPage } from "./pages/interview";
import { RecordPage } from "./pages/record";
import { ReviewPage } from "./pages/review";
import { Layout } from "./ui";

function page(path: string) {
  const interview = /^\/interview\/([^/]+)\/?$/.exec(path);
  if (interview) return <InterviewPage interviewKey={decodeURIComponent(interview[1])} />;
  if (path === "/record") return <RecordPage />;
  if (path === "/review") return <ReviewPage />;
  return <Home />;
}

const root = document.getElementById("app");
if (root) render(<Layout>{page(location.pathname)}</Layout>, root);
