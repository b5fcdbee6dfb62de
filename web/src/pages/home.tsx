/** `/`: what this server is, and the way in for each kind of visitor. */

import { useState } from "preact/hooks";

export function Home() {
  const [key, setKey] = useState("");
  return (
    <>
      <h1>debrief</h1>
      <p class="lead">
        Asynchronous interviews: candidates answer questions by voice, in their own time; debrief
        stores each answer compactly, transcribes and analyses it, and shows interviewers the
        results.
      </p>
      <section aria-labelledby="take">
        <h2 id="take">Take an interview</h2>
        <p>If you were sent a link, open it. For a public interview, enter its key.</p>
        <form
          class="inline"
          onSubmit={(event) => {
            event.preventDefault();
            if (key.trim()) location.assign(`/interview/${encodeURIComponent(key.trim())}`);
          }}
        >
          <label for="interview-key">Interview key</label>
          <input id="interview-key" value={key} onInput={(e) => setKey(e.currentTarget.value)} required />
          <button type="submit">Open</button>
        </form>
      </section>
      <section aria-labelledby="review">
        <h2 id="review">Review answers</h2>
        <p>
          Interviewers: <a href="/review">review sessions</a> with your API key.
        </p>
      </section>
      <section aria-labelledby="develop">
        <h2 id="develop">Build on it</h2>
        <p>
          Everything here uses the public GraphQL API: explore it in the{" "}
          <a href="/graphql">GraphQL explorer</a> (works offline). Health: <a href="/healthz">/healthz</a>.
        </p>
      </section>
    </>
  );
}
