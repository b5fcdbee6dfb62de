/**
 * `/review`: the interviewer's pages. The API key is typed once and kept in sessionStorage
 * (gone when the tab closes). It lists the organisation's interviews; `?interview=KEY` lists
 * one interview's sessions with live status;
 * `&session=ID` shows one session. Reads are database and cache only; an answer's audio URL is
 * signed only when its Play button is pressed (the one field that costs a storage signature).
 * A reviewer rates each answer and decides on the session there (see review-forms.tsx).
 */

import { useEffect, useRef, useState } from "preact/hooks";
import { request } from "../api";
import {
  InterviewSessionsDocument,
  type InterviewSessionsQuery,
  MyInterviewsDocument,
  type MyInterviewsQuery,
  PlayRecordingDocument,
  ReviewSessionDocument,
  type ReviewSessionQuery,
  SessionCostDocument,
} from "../generated/graphql";
import { watch } from "../live";
import { ErrorMessage, FocusHeading, formatBytes, formatDate, formatSeconds, statusLabel } from "../ui";
import { DecideSessionForm, RateAnswerForm, ReviewList, SummaryFacts } from "./review-forms";

const KEY_STORAGE = "debrief.apiKey";
const SETTLED = new Set(["COMPLETE", "FAILED", "EXPIRED"]);

type Session = NonNullable<ReviewSessionQuery["session"]>;
type Answer = Session["recordings"][number];
type Interview = NonNullable<InterviewSessionsQuery["interview"]>;

export function ReviewPage() {
  const [apiKey, setApiKey] = useState(() => sessionStorage.getItem(KEY_STORAGE));
  if (!apiKey) {
    return <KeyForm onKey={(key) => { sessionStorage.setItem(KEY_STORAGE, key); setApiKey(key); }} />;
  }
  const params = new URLSearchParams(location.search);
  const interviewKey = params.get("interview");
  const sessionId = params.get("session");
  const signOut = () => { sessionStorage.removeItem(KEY_STORAGE); setApiKey(null); };
  return (
    <>
      <div class="toolbar">
        <button type="button" onClick={signOut}>Forget API key</button>
      </div>
      {sessionId ? (
        <SessionView apiKey={apiKey} sessionId={sessionId} />
      ) : interviewKey ? (
        <InterviewView apiKey={apiKey} interviewKey={interviewKey} />
      ) : (
        <InterviewPicker apiKey={apiKey} />
      )}
    </>
  );
}

function KeyForm({ onKey }: { onKey: (key: string) => void }) {
  const [key, setKey] = useState("");
  return (
    <>
      <h1>Review interviews</h1>
      <form class="stack" onSubmit={(e) => { e.preventDefault(); if (key.trim()) onKey(key.trim()); }}>
        <label for="api-key">Interviewer API key</label>
        <input id="api-key" type="password" autocomplete="off" value={key} required
          aria-describedby="api-key-hint" onInput={(e) => setKey(e.currentTarget.value)} />
        <p id="api-key-hint" class="hint">
          Starts with dbk_. Kept in this tab only (sessionStorage) until you close it.
        </p>
        <button type="submit">Continue</button>
      </form>
    </>
  );
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function InterviewPicker({ apiKey }: { apiKey: string }) {
  const [interviews, setInterviews] = useState<MyInterviewsQuery["interviews"] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [key, setKey] = useState("");
  useEffect(() => {
    request(MyInterviewsDocument, { first: 100 }, apiKey)
      .then((data) => setInterviews(data.interviews))
      .catch((e: Error) => setError(e.message));
  }, [apiKey]);
  return (
    <>
      <h1>Interviews</h1>
      {interviews === null ? (
        <p aria-busy="true">{error ? "" : "Loading interviews…"}</p>
      ) : interviews.length === 0 ? (
        <p>No interviews are visible with this API key yet.</p>
      ) : (
        <ul class="interviews">
          {interviews.map((i) => (
            <li key={i.key}>
              <a href={`/review?interview=${encodeURIComponent(i.key)}`}>{i.title}</a>{" "}
              <span class="hint">
                {i.key} · {plural(i.questions.length, "question")}
                {i.public ? " · public" : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
      <form class="inline" onSubmit={(e) => {
        e.preventDefault();
        if (key.trim()) location.assign(`/review?interview=${encodeURIComponent(key.trim())}`);
      }}>
        <label for="review-interview-key">Interview key</label>
        <input id="review-interview-key" value={key} required onInput={(e) => setKey(e.currentTarget.value)} />
        <button type="submit">Show sessions</button>
      </form>
      <ErrorMessage message={error} />
    </>
  );
}

function InterviewView({ apiKey, interviewKey }: { apiKey: string; interviewKey: string }) {
  const [interview, setInterview] = useState<Interview | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const live = watch(
      () => request(InterviewSessionsDocument, { key: interviewKey, first: 50, after: null }, apiKey),
      (data) => {
        setInterview(data.interview);
        setError(null);
      },
      { done: (data) => data.interview === null, onError: (e) => setError((e as Error).message) },
    );
    return () => live.stop();
  }, [interviewKey, apiKey]);

  if (interview === undefined) return <p aria-busy="true">{error ?? "Loading sessions…"}</p>;
  if (interview === null) {
    return (
      <>
        <h1>Interview not found</h1>
        <p>No interview “{interviewKey}” is visible with this API key. <a href="/review">Choose another</a>.</p>
      </>
    );
  }
  const sessions = interview.sessions.nodes;
  return (
    <>
      <nav aria-label="Breadcrumb"><a href="/review">Interviews</a> › {interview.key}</nav>
      <h1>{interview.title}</h1>
      <p>
        {plural(interview.questions.length, "question")} · {plural(sessions.length, "session")} ·
        status updates live
      </p>
      {sessions.length === 0 ? (
        <p>No sessions yet.</p>
      ) : (
        <table>
          <caption>Sessions of {interview.title}</caption>
          <thead>
            <tr><th scope="col">Candidate</th><th scope="col">Status</th><th scope="col">Started</th><th scope="col">Submitted</th></tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>
                  <a href={`/review?interview=${encodeURIComponent(interview.key)}&session=${encodeURIComponent(s.id)}`}>
                    {s.candidateName ?? "Unnamed candidate"}
                  </a>
                </td>
                <td><span class={`badge ${s.status.toLowerCase()}`}>{statusLabel(s.status)}</span></td>
                <td>{formatDate(s.createdAt)}</td>
                <td>{formatDate(s.submittedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorMessage message={error} />
    </>
  );
}

function SessionView({ apiKey, sessionId }: { apiKey: string; sessionId: string }) {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [costUsd, setCostUsd] = useState<number | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const live = watch(
      () => request(ReviewSessionDocument, { id: sessionId }, apiKey),
      (data) => { setSession(data.session); setError(null); },
      {
        done: (data) => data.session === null || SETTLED.has(data.session.status),
        onError: (e) => setError((e as Error).message),
      },
    );
    return () => live.stop();
  }, [sessionId, apiKey]);

  const reload = () => {  // after a review is saved: the list and the summary as stored
    request(ReviewSessionDocument, { id: sessionId }, apiKey)
      .then((data) => { setSession(data.session); setError(null); })
      .catch((e: Error) => setError(e.message));
  };

  const settled = session ? SETTLED.has(session.status) : false;
  const interviewKey = session?.interview.key;
  useEffect(() => {
    if (!interviewKey) return;
    request(SessionCostDocument, { interviewKey }, apiKey)
      .then((data) => setCostUsd(data.costReport.sessionCosts.find((c) => c.sessionId === sessionId)?.costUsd ?? 0))
      .catch(() => setCostUsd(null));
  }, [interviewKey, settled]);

  if (session === undefined) return <p aria-busy="true">{error ?? "Loading the session…"}</p>;
  if (session === null) {
    return (
      <>
        <h1>Session not found</h1>
        <p>No such session is visible with this API key. <a href="/review">Back to interviews</a>.</p>
      </>
    );
  }
  const answers = [...session.recordings].sort((a, b) => a.question.position - b.question.position);
  return (
    <>
      <nav aria-label="Breadcrumb">
        <a href="/review">Interviews</a> ›{" "}
        <a href={`/review?interview=${encodeURIComponent(session.interview.key)}`}>{session.interview.title}</a> ›{" "}
        {session.candidateName ?? "Unnamed candidate"}
      </nav>
      <FocusHeading>{session.candidateName ?? "Unnamed candidate"}</FocusHeading>
      <dl class="facts">
        <dt>Status</dt>
        <dd aria-live="polite"><span class={`badge ${session.status.toLowerCase()}`}>{statusLabel(session.status)}</span></dd>
        <dt>Submitted</dt><dd>{formatDate(session.submittedAt)}</dd>
        <dt>Deadline</dt><dd>{session.expiresAt ? formatDate(session.expiresAt) : "none"}</dd>
        <dt>Measured cost</dt>
        <dd>{costUsd === undefined ? "…" : costUsd === null ? "unavailable" : `$${costUsd.toFixed(4)}`}</dd>
      </dl>
      {session.failureReason && <ErrorMessage message={session.failureReason} />}
      {session.analysis && (
        <section class="card" aria-labelledby="overall">
          <h2 id="overall">Overall analysis</h2>
          <p>
            {session.analysis.score != null && <strong>Score {session.analysis.score.toFixed(1)}. </strong>}
            {session.analysis.recommendation && <>Recommendation: {session.analysis.recommendation}. </>}
            {session.analysis.summary}
          </p>
          <p class="hint">By {session.analysis.provider}{session.analysis.model ? ` (${session.analysis.model})` : ""}.</p>
        </section>
      )}
      <p class="hint">
        Audio is fetched only when you press Play: each press asks the server for one short-lived
        signed link. Everything else on this page comes from the database.
      </p>
      {answers.map((answer) => (
        <AnswerCard key={answer.id} answer={answer} apiKey={apiKey} onReviewed={reload} />
      ))}
      <section class="card" aria-labelledby="session-review">
        <h2 id="session-review">Review of the session</h2>
        <SummaryFacts summary={session.reviewSummary} />
        <h3>Decisions</h3>
        <ReviewList reviews={session.reviews} label="Decisions on this session" />
        <DecideSessionForm sessionId={session.id} apiKey={apiKey} onSaved={reload} />
      </section>
      <ErrorMessage message={error} />
    </>
  );
}

function AnswerCard({ answer, apiKey, onReviewed }: {
  answer: Answer;
  apiKey: string;
  onReviewed: () => void;
}) {
  const audio = useRef<HTMLAudioElement>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pendingSeek = useRef<number | null>(null);
  const n = answer.question.position;

  const fetchUrl = async (): Promise<boolean> => {
    if (url) return true;
    setBusy(true);
    try {
      const { recording } = await request(PlayRecordingDocument, { id: answer.id }, apiKey);
      const result = recording?.downloadUrl;
      if (result?.__typename === "DownloadUrl") {
        setUrl(result.url);
        return true;
      }
      setNote(
        result?.__typename === "ArchivedRecording"
          ? `This answer is archived (${result.storageClass}, restore ${result.restoreStatus}).`
          : "The recording is no longer available.",
      );
      return false;
    } catch (e) {
      setNote((e as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {  // once the signed URL is in the player, play (and seek) as asked
    const player = audio.current;
    if (!url || !player) return;
    if (pendingSeek.current != null) player.currentTime = pendingSeek.current;
    pendingSeek.current = null;
    void player.play().catch(() => undefined);
    player.focus();
  }, [url]);

  const play = () => void fetchUrl();
  const seek = async (start: number) => {
    if (!url) {
      pendingSeek.current = start;
      await fetchUrl();
      return;
    }
    const player = audio.current;
    if (player) {
      player.currentTime = start;
      void player.play().catch(() => undefined);
    }
  };

  const metrics = answer.analysis?.metrics;
  return (
    <section class="card answer" aria-labelledby={`answer-${answer.id}`}>
      <h2 id={`answer-${answer.id}`}>Question {n}: {answer.question.text}</h2>
      <p class="hint">
        {statusLabel(answer.status)} · {formatSeconds(answer.durationSeconds)} · {formatBytes(answer.sizeBytes)} {answer.codec}
      </p>
      {url ? (
        <audio ref={audio} controls src={url} aria-label={`Answer to question ${n}`} />
      ) : (
        <button type="button" onClick={play} disabled={busy}>
          {busy ? "Fetching audio…" : `Play answer ${n}`}
        </button>
      )}
      {note && <p role="status">{note}</p>}
      {answer.transcript ? (
        <div class="transcript">
          <h3>Transcript</h3>
          <ol class="segments" aria-label={`Transcript of answer ${n}; press a line to hear it`}>
            {answer.transcript.segments.map((segment, i) => (
              <li key={i}>
                <button type="button" class="segment" onClick={() => void seek(segment.start)}>
                  <span class="time">{formatSeconds(segment.start)}</span> {segment.text.trim()}
                </button>
              </li>
            ))}
          </ol>
          <p class="hint">By {answer.transcript.provider} ({answer.transcript.model}).</p>
        </div>
      ) : (
        <p class="hint">Transcript: {answer.status === "FAILED" ? "failed" : "pending…"}</p>
      )}
      {metrics && (
        <dl class="metrics" aria-label={`Speech metrics of answer ${n}`}>
          <dt>Words per minute</dt><dd>{metrics.wordsPerMinute.toFixed(0)}</dd>
          <dt>Filler rate</dt><dd>{(metrics.fillerRate * 100).toFixed(1)}%</dd>
          <dt>Speech</dt><dd>{formatSeconds(metrics.speechSeconds)}</dd>
          <dt>Words</dt><dd>{metrics.wordCount}</dd>
        </dl>
      )}
      {answer.analysis?.summary && (
        <div class="analysis">
          <h3>Analysis</h3>
          <p>{answer.analysis.score != null && <strong>Score {answer.analysis.score.toFixed(1)}. </strong>}{answer.analysis.summary}</p>
          {answer.analysis.strengths.length > 0 && <><h4>Strengths</h4><ul>{answer.analysis.strengths.map((s) => <li key={s}>{s}</li>)}</ul></>}
          {answer.analysis.concerns.length > 0 && <><h4>Concerns</h4><ul>{answer.analysis.concerns.map((s) => <li key={s}>{s}</li>)}</ul></>}
        </div>
      )}
      <div class="review">
        <h3>Reviews</h3>
        <ReviewList reviews={answer.reviews} label={`Reviews of answer ${n}`} />
        <RateAnswerForm recordingId={answer.id} number={n} apiKey={apiKey} onSaved={onReviewed} />
      </div>
    </section>
  );
}
