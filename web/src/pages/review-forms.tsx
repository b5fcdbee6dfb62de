/**
 * The reviewer's half of the session page: the reviews already given (reviewer, rating or
 * decision, comment, date), a 1–5 rating of one answer, and a decision on the whole session.
 * Each form is a fieldset of native radio buttons (arrow keys move within the group, Tab leaves
 * it), a labelled comment and a Save button; a typed error from the API shows inline, under
 * the form that caused it. A reviewer's second save replaces their first (the server's rule).
 */

import { useState } from "preact/hooks";
import { request } from "../api";
import {
  DecideSessionDocument,
  RateAnswerDocument,
  type ReviewDecision,
  type ReviewFieldsFragment,
  type ReviewSessionQuery,
} from "../generated/graphql";
import { ErrorMessage, formatDate } from "../ui";

type Summary = NonNullable<NonNullable<ReviewSessionQuery["session"]>["reviewSummary"]>;

const RATINGS: [number, string][] = [
  [1, "1 – poor"],
  [2, "2 – weak"],
  [3, "3 – fair"],
  [4, "4 – good"],
  [5, "5 – excellent"],
];
const DECISIONS: [ReviewDecision, string][] = [
  ["ADVANCE", "Advance"],
  ["HOLD", "Hold"],
  ["REJECT", "Reject"],
];

export function decisionLabel(decision: ReviewDecision): string {
  return DECISIONS.find(([d]) => d === decision)?.[1] ?? decision;
}

/** The reviews of one answer or of the session, newest first. */
export function ReviewList({ reviews, label }: { reviews: ReviewFieldsFragment[]; label: string }) {
  if (reviews.length === 0) return <p class="hint">No reviews yet.</p>;
  const newest = [...reviews].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <ul class="reviews" aria-label={label}>
      {newest.map((r) => (
        <li key={r.id}>
          <strong>{r.reviewer}</strong>{" "}
          {r.rating != null && <span class="rating">rated {r.rating} of 5</span>}
          {r.decision != null && (
            <span class={`badge decision ${r.decision.toLowerCase()}`}>{decisionLabel(r.decision)}</span>
          )}{" "}
          <time class="hint" dateTime={r.createdAt}>{formatDate(r.createdAt)}</time>
          {r.comment && <p class="comment">{r.comment}</p>}
        </li>
      ))}
    </ul>
  );
}

export function SummaryFacts({ summary }: { summary: Summary | null }) {
  const counts = new Map(summary?.decisions.map((d) => [d.decision, d.count]) ?? []);
  return (
    <dl class="facts" aria-label="Review summary">
      <dt>Average rating</dt>
      <dd>{summary?.averageRating != null ? `${summary.averageRating.toFixed(1)} of 5` : "not rated yet"}</dd>
      <dt>Decisions</dt>
      <dd>{DECISIONS.map(([d, label]) => `${label} ${counts.get(d) ?? 0}`).join(" · ")}</dd>
    </dl>
  );
}

function useSave() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const run = async (send: () => Promise<{ __typename: string; message?: string }>, done: string) => {
    setBusy(true);
    setError(null);
    setStatus("");
    try {
      const result = await send();
      if (result.__typename === "Review") setStatus(done);
      else setError(result.message ?? "The review was not saved.");
      return result.__typename === "Review";
    } catch (e) {
      setError((e as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, status, run };
}

/** Rate one answer 1–5, with an optional comment. */
export function RateAnswerForm({ recordingId, number, apiKey, onSaved }: {
  recordingId: string;
  number: number;
  apiKey: string;
  onSaved: () => void;
}) {
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState("");
  const [missing, setMissing] = useState<string | null>(null);
  const save = useSave();
  const id = `rate-${recordingId}`;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (rating == null) {
      setMissing("Choose a rating from 1 to 5 first.");
      return;
    }
    setMissing(null);
    const saved = await save.run(async () => {
      const { reviewRecording } = await request(
        RateAnswerDocument, { recordingId, rating, comment: comment.trim() || null }, apiKey,
      );
      return reviewRecording;
    }, `Your rating of answer ${number} is saved.`);
    if (saved) onSaved();
  };

  return (
    <form class="review-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>Your rating</h4>
      <fieldset class="choices">
        <legend>Rating of answer {number}</legend>
        {RATINGS.map(([value, label]) => (
          <label key={value} class="choice">
            <input type="radio" name={`${id}-rating`} value={value} checked={rating === value}
              onChange={() => setRating(value)} />
            {label}
          </label>
        ))}
      </fieldset>
      <label for={`${id}-comment`}>Comment on answer {number} (optional)</label>
      <textarea id={`${id}-comment`} rows={2} value={comment}
        onInput={(e) => setComment(e.currentTarget.value)} />
      <div class="actions">
        <button type="submit" disabled={save.busy}>
          {save.busy ? "Saving…" : `Save rating of answer ${number}`}
        </button>
      </div>
      <p class="status" role="status">{save.status}</p>
      <ErrorMessage message={missing ?? save.error} />
    </form>
  );
}

/** Decide on the whole session: advance, hold or reject, with an optional comment. */
export function DecideSessionForm({ sessionId, apiKey, onSaved }: {
  sessionId: string;
  apiKey: string;
  onSaved: () => void;
}) {
  const [decision, setDecision] = useState<ReviewDecision | null>(null);
  const [comment, setComment] = useState("");
  const [missing, setMissing] = useState<string | null>(null);
  const save = useSave();

  const submit = async (e: Event) => {
    e.preventDefault();
    if (decision == null) {
      setMissing("Choose Advance, Hold or Reject first.");
      return;
    }
    setMissing(null);
    const saved = await save.run(async () => {
      const { reviewSession } = await request(
        DecideSessionDocument, { sessionId, decision, comment: comment.trim() || null }, apiKey,
      );
      return reviewSession;
    }, `Your decision (${decisionLabel(decision)}) is saved.`);
    if (saved) onSaved();
  };

  return (
    <form class="review-form" onSubmit={submit} aria-labelledby="decide-title">
      <h3 id="decide-title">Your decision</h3>
      <fieldset class="choices">
        <legend>Decision on this session</legend>
        {DECISIONS.map(([value, label]) => (
          <label key={value} class="choice">
            <input type="radio" name="session-decision" value={value} checked={decision === value}
              onChange={() => setDecision(value)} />
            {label}
          </label>
        ))}
      </fieldset>
      <label for="decide-comment">Comment on the session (optional)</label>
      <textarea id="decide-comment" rows={3} value={comment}
        onInput={(e) => setComment(e.currentTarget.value)} />
      <div class="actions">
        <button type="submit" class="primary" disabled={save.busy}>
          {save.busy ? "Saving…" : "Save decision"}
        </button>
      </div>
      <p class="status" role="status">{save.status}</p>
      <ErrorMessage message={missing ?? save.error} />
    </form>
  );
}
