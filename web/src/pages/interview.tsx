/** `/interview/{key}`: a public interview; the candidate starts a session and goes to record. */

import { useEffect, useRef, useState } from "preact/hooks";
import { request } from "../api";
import { solveStartChallenge } from "../challenge";
import {
  PublicInterviewDocument,
  type PublicInterviewQuery,
  StartPublicSessionDocument,
} from "../generated/graphql";
import { ErrorMessage } from "../ui";

type Interview = NonNullable<PublicInterviewQuery["interview"]>;

export function recordUrl(token: string): string {
  // The token travels in the fragment: browsers never send it, so no log ever holds it.
  return `/record#token=${encodeURIComponent(token)}`;
}

/** Solve now, report later: a failure surfaces when the candidate presses Start. */
function background(challenge: string): Promise<string> {
  const solving = solveStartChallenge(challenge);
  solving.catch(() => undefined);
  return solving;
}

export function InterviewPage({ interviewKey }: { interviewKey: string }) {
  const [interview, setInterview] = useState<Interview | null | undefined>(undefined);
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The server's proof of work, solved in the background from the moment the page loads.
  const proof = useRef<Promise<string> | null>(null);

  useEffect(() => {
    request(PublicInterviewDocument, { key: interviewKey }, null)
      .then((data) => {
        if (data.startChallenge) proof.current = background(data.startChallenge.challenge);
        setInterview(data.interview);
      })
      .catch((e: Error) => setError(e.message));
  }, [interviewKey]);

  if (interview === undefined) return <p aria-busy="true">{error ?? "Loading the interview…"}</p>;
  if (interview === null) {
    return (
      <>
        <h1>Interview not found</h1>
        <p>
          There is no public interview with the key “{interviewKey}”. If you were invited, use the
          link in your invitation.
        </p>
      </>
    );
  }

  const start = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const variables = { interviewKey, candidateName: name || null, candidateEmail: email || null };
      const proofOfWork = proof.current ? await proof.current : null;
      let { startSession: result } = await request(
        StartPublicSessionDocument, { ...variables, proofOfWork }, null,
      );
      if (result.__typename === "ChallengeRequired") {
        // expired while the page stayed open, or the server started asking: solve its new one
        const retry = await solveStartChallenge(result.challenge.challenge);
        ({ startSession: result } = await request(
          StartPublicSessionDocument, { ...variables, proofOfWork: retry }, null,
        ));
      }
      proof.current = null; // spent (or refused): never sent twice
      if (result.__typename !== "StartSessionResult") {
        setError(result.message);
        return;
      }
      location.assign(recordUrl(result.uploadToken));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const count = interview.questions.length;
  return (
    <>
      <h1>{interview.title}</h1>
      <p>
        {count} question{count === 1 ? "" : "s"}, answered by voice. You will need a microphone;
        you can listen to each answer before you send it.
      </p>
      <form class="stack" onSubmit={start}>
        <label for="candidate-name">Your name</label>
        <input id="candidate-name" autocomplete="name" value={name} required
          onInput={(e) => setName(e.currentTarget.value)} />
        <label for="candidate-email">Email (optional)</label>
        <input id="candidate-email" type="email" autocomplete="email" value={email}
          onInput={(e) => setEmail(e.currentTarget.value)} />
        <button type="submit" disabled={busy}>
          {busy ? "Starting…" : "Start the interview"}
        </button>
      </form>
      <ErrorMessage message={error} />
    </>
  );
}
