/**
 * `/record#token=dbu_…`: the candidate answers each question by voice. Per question:
 * record, stop, listen, upload (with progress, retried with the same idempotency key), retake
 * while the interview allows; then submit. The session's deadline (when it has one) is shown in
 * local time; from it on the page says the link has expired, as the server then answers
 * uploads and submit with `Expired`.
 */

import { useEffect, useRef, useState } from "preact/hooks";
import { GraphQLFailure, request, Unauthenticated, upload, withRetries } from "../api";
import {
  CandidateSessionDocument,
  type CandidateSessionQuery,
  SubmitAnswersDocument,
  UploadAnswerDocument,
} from "../generated/graphql";
import {
  MicrophoneRefused,
  openMicrophone,
  Recording,
  recorderBitrateBps,
  supportedMimeType,
  type Take,
} from "../recorder";
import { ErrorMessage, FocusHeading, formatBytes, formatDate, formatSeconds } from "../ui";

type Session = NonNullable<CandidateSessionQuery["candidateSession"]>;
type Question = Session["interview"]["questions"][number];
type Phase = "idle" | "recording" | "preview" | "uploading";

interface Answer {
  uploads: number; // how many takes the server accepted for this question, on this page
  sizeBytes?: number;
}

export function readToken(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, "")).get("token");
}

const MAX_TIMEOUT_MS = 2 ** 31 - 1; // setTimeout's ceiling (about 24.8 days)

/** True from the deadline on: re-rendered the moment it passes, while the page is open. */
function useExpired(expiresAt: string | null | undefined): boolean {
  const deadline = expiresAt ? Date.parse(expiresAt) : null;
  const [passed, setPassed] = useState(() => deadline != null && Date.now() >= deadline);
  useEffect(() => {
    if (deadline == null) return;
    let timer = 0;
    const check = () => {
      const left = deadline - Date.now();
      if (left <= 0) setPassed(true);
      else timer = window.setTimeout(check, Math.min(left, MAX_TIMEOUT_MS));
    };
    check();
    return () => clearTimeout(timer);
  }, [deadline]);
  return passed;
}

function newIdempotencyKey(): string {
  return crypto.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

export function RecordPage() {
  const token = readToken(location.hash);
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [refused, setRefused] = useState(false); // the server answered Expired
  const deadlinePassed = useExpired(session?.expiresAt);

  useEffect(() => {
    if (!token) return;
    request(CandidateSessionDocument, {}, token)
      .then((data) => setSession(data.candidateSession))
      .catch((e: Error) => (e instanceof Unauthenticated ? setSession(null) : setError(e.message)));
  }, [token]);

  if (!token) {
    return (
      <>
        <h1>Recording link incomplete</h1>
        <p>This page needs the whole link you were given (it ends with your token).</p>
      </>
    );
  }
  if (session === undefined) return <p aria-busy="true">{error ?? "Loading your interview…"}</p>;
  if (session === null) {
    return (
      <>
        <h1>Link not valid</h1>
        <p>This recording link has expired or is not valid. Ask the interviewer for a new one.</p>
      </>
    );
  }
  if (!submitted && (session.status === "EXPIRED" || refused ||
      (deadlinePassed && session.status === "IN_PROGRESS"))) {
    return (
      <>
        <FocusHeading>Link expired</FocusHeading>
        <p>
          {session.expiresAt
            ? <>The deadline for “{session.interview.title}” passed on{" "}
                <time dateTime={session.expiresAt}>{formatDate(session.expiresAt)}</time>.{" "}</>
            : "This interview can no longer be answered. "}
          Answers can no longer be sent. Ask the interviewer to extend the deadline or send a new link.
        </p>
      </>
    );
  }
  if (submitted || session.status !== "IN_PROGRESS") {
    return (
      <>
        <FocusHeading>Thank you</FocusHeading>
        <p>Your answers to “{session.interview.title}” have been sent. You can close this page.</p>
      </>
    );
  }
  return (
    <Interview session={session} token={token} onSubmitted={() => setSubmitted(true)}
      onExpired={() => setRefused(true)} />
  );
}

function Interview({ session, token, onSubmitted, onExpired }: {
  session: Session;
  token: string;
  onSubmitted: () => void;
  onExpired: () => void;
}) {
  const questions = [...session.interview.questions].sort((a, b) => a.position - b.position);
  const [answers, setAnswers] = useState<Record<string, Answer>>(() =>
    Object.fromEntries(session.recordings.map((r) => [r.question.id, { uploads: 1 }])),
  );
  const [index, setIndex] = useState(() => {
    const first = questions.findIndex((q) => !(q.id in answers));
    return first === -1 ? questions.length - 1 : first;
  });
  const [microphone, setMicrophone] = useState<MediaStream | null>(null);
  const [micError, setMicError] = useState<string | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const mimeType = supportedMimeType();

  const allowMicrophone = async (): Promise<MediaStream | null> => {
    if (microphone) return microphone;
    setMicError(null);
    try {
      const stream = await openMicrophone();
      setMicrophone(stream);
      return stream;
    } catch (e) {
      setMicError(e instanceof MicrophoneRefused ? e.message : String(e));
      return null;
    }
  };
  useEffect(() => () => microphone?.getTracks().forEach((t) => t.stop()), [microphone]);

  const question = questions[index];
  const answered = questions.filter((q) => q.id in answers).length;
  const submit = async () => {
    setSubmitting(true);
    setSubmitError(null);
    try {
      const { submitSession: result } = await request(
        SubmitAnswersDocument, { sessionId: session.id }, token,
      );
      if (result.__typename === "Session") onSubmitted();
      else if (result.__typename === "Expired") onExpired();
      else setSubmitError(result.message);
    } catch (e) {
      setSubmitError((e as Error).message);
    } finally {
      setSubmitting(false);
    }
  };

  if (!mimeType) {
    return (
      <>
        <h1>{session.interview.title}</h1>
        <ErrorMessage message="This browser cannot record Opus audio. Please use a current Chrome, Edge or Firefox." />
      </>
    );
  }
  return (
    <>
      <h1>{session.interview.title}</h1>
      <p>
        {answered} of {questions.length} answered.{" "}
        {session.interview.maxRetakes > 0
          ? `You may retake each answer ${session.interview.maxRetakes === 1 ? "once" : `${session.interview.maxRetakes} times`} after sending it.`
          : "Each answer can be sent once."}
      </p>
      {session.expiresAt && (
        <p class="deadline">
          Deadline: send your answers by{" "}
          <strong><time dateTime={session.expiresAt}>{formatDate(session.expiresAt)}</time></strong>{" "}
          (your local time).
        </p>
      )}
      {!microphone && (
        <section class="card" aria-labelledby="mic-heading">
          <h2 id="mic-heading">Microphone</h2>
          <p>Your browser will ask to use the microphone. Nothing is recorded until you press Record.</p>
          <button type="button" onClick={allowMicrophone}>Allow microphone</button>
          <ErrorMessage message={micError} />
        </section>
      )}
      <QuestionCard
        key={question.id}
        question={question}
        number={index + 1}
        total={questions.length}
        answer={answers[question.id]}
        maxRetakes={session.interview.maxRetakes}
        sessionId={session.id}
        token={token}
        mimeType={mimeType}
        microphone={microphone}
        allowMicrophone={allowMicrophone}
        onExpired={onExpired}
        onUploaded={(sizeBytes) =>
          setAnswers((all) => ({
            ...all,
            [question.id]: { uploads: (all[question.id]?.uploads ?? 0) + 1, sizeBytes },
          }))
        }
      />
      <nav class="pager" aria-label="Questions">
        <button type="button" disabled={index === 0} onClick={() => setIndex(index - 1)}>
          Previous question
        </button>
        {index < questions.length - 1 ? (
          <button type="button" disabled={!(question.id in answers)} onClick={() => setIndex(index + 1)}>
            Next question
          </button>
        ) : (
          <button type="button" class="primary" disabled={answered < questions.length || submitting}
            onClick={submit}>
            {submitting ? "Submitting…" : "Submit interview"}
          </button>
        )}
      </nav>
      <ErrorMessage message={submitError} />
    </>
  );
}

function QuestionCard(props: {
  question: Question;
  number: number;
  total: number;
  answer: Answer | undefined;
  maxRetakes: number;
  sessionId: string;
  token: string;
  mimeType: string;
  microphone: MediaStream | null;
  allowMicrophone: () => Promise<MediaStream | null>;
  onUploaded: (sizeBytes: number) => void;
  onExpired: () => void;
}) {
  const { question, answer, maxRetakes } = props;
  const [phase, setPhase] = useState<Phase>("idle");
  const [take, setTake] = useState<Take | null>(null);
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const [elapsedS, setElapsedS] = useState(0);
  const [progress, setProgress] = useState(0);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | null>(null);
  const recording = useRef<Recording | null>(null);
  const startedAt = useRef(0);
  const limitS = question.timeLimitSeconds;

  const retakesLeft = answer ? maxRetakes - (answer.uploads - 1) : null;
  const canRecord = !answer || (retakesLeft ?? 0) > 0;

  useEffect(() => () => {
    if (previewUrl) URL.revokeObjectURL(previewUrl);
  }, [previewUrl]);

  const stop = async () => {
    const current = recording.current;
    if (!current) return;
    recording.current = null;
    const result = await current.stop();
    setTake(result);
    setPreviewUrl(URL.createObjectURL(result.blob));
    setPhase("preview");
    setStatus(`Recorded ${formatSeconds(result.durationS)}. Listen, then send it or record again.`);
  };

  useEffect(() => {
    if (phase !== "recording") return;
    const timer = setInterval(() => {
      const s = (performance.now() - startedAt.current) / 1000;
      setElapsedS(s);
      if (limitS != null && s >= limitS) void stop();
    }, 250);
    return () => clearInterval(timer);
  }, [phase]);

  const record = async () => {
    setError(null);
    const stream = props.microphone ?? (await props.allowMicrophone());
    if (!stream) return;
    recording.current = new Recording(stream, props.mimeType, recorderBitrateBps());
    startedAt.current = performance.now();
    setElapsedS(0);
    setTake(null);
    setPreviewUrl(null);
    setPhase("recording");
    setStatus("Recording…");
  };

  const send = async () => {
    if (!take) return;
    const idempotencyKey = newIdempotencyKey(); // one per take: a retry can never store it twice
    const extension = take.mimeType.includes("ogg") ? "ogg" : "webm";
    setPhase("uploading");
    setProgress(0);
    setError(null);
    try {
      const { uploadRecording: result } = await withRetries((attempt) => {
        setStatus(attempt === 1 ? "Uploading…" : `Upload failed; trying again (attempt ${attempt})…`);
        return upload(
          UploadAnswerDocument,
          { sessionId: props.sessionId, questionId: question.id, file: null as unknown as File, idempotencyKey },
          take.blob,
          `answer-${props.number}.${extension}`,
          props.token,
          setProgress,
        );
      });
      if (result.__typename === "Expired") {
        props.onExpired();
        return;
      }
      if (result.__typename !== "Recording") {
        setError(result.message);
        setPhase("preview");
        setStatus("");
        return;
      }
      props.onUploaded(result.sizeBytes);
      setPhase("idle");
      setTake(null);
      setPreviewUrl(null);
      setStatus(`Answer ${props.number} saved (${formatBytes(result.sizeBytes)}).`);
    } catch (e) {
      setError(e instanceof GraphQLFailure ? e.message : `The upload failed: ${(e as Error).message}`);
      setPhase("preview");
      setStatus("");
    }
  };

  const remainingS = limitS != null ? Math.max(0, limitS - elapsedS) : null;
  return (
    <section class="card question" aria-labelledby={`q-${question.id}`}>
      <FocusHeading level={2}>
        <span id={`q-${question.id}`}>
          Question {props.number} of {props.total}
        </span>
      </FocusHeading>
      <p class="question-text">{question.text}</p>
      <p class="hint">
        {limitS != null ? `Time limit: ${formatSeconds(limitS)}.` : "No time limit."}{" "}
        {answer
          ? retakesLeft && retakesLeft > 0
            ? `Answer sent; ${retakesLeft} retake${retakesLeft === 1 ? "" : "s"} left.`
            : "Answer sent; no retakes left."
          : "Not answered yet."}
      </p>

      {phase === "recording" && (
        <div class="recording">
          <span class="dot" aria-hidden="true" />
          <span role="timer" aria-live="off">
            {remainingS != null ? `${formatSeconds(remainingS)} left` : formatSeconds(elapsedS)}
          </span>
          <button type="button" class="primary" onClick={stop}>Stop recording</button>
        </div>
      )}

      {phase === "idle" && canRecord && (
        <button type="button" class="primary" onClick={record}>
          {answer ? "Retake answer" : "Record answer"}
        </button>
      )}

      {phase === "preview" && previewUrl && (
        <div class="preview">
          <audio controls src={previewUrl} aria-label={`Your answer to question ${props.number}`} />
          <div class="actions">
            <button type="button" class="primary" onClick={send}>Send answer</button>
            <button type="button" onClick={record}>Discard and record again</button>
          </div>
        </div>
      )}

      {phase === "uploading" && (
        <div class="upload">
          <label for={`progress-${question.id}`}>Upload progress</label>
          <progress id={`progress-${question.id}`} max={1} value={progress}>
            {Math.round(progress * 100)}%
          </progress>
        </div>
      )}

      <p class="status" role="status">{status}</p>
      <ErrorMessage message={error} />
    </section>
  );
}
