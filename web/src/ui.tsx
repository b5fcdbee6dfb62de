/** Small shared pieces: the page frame, messages, and formatting. */

import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

export function Layout({ children }: { children: ComponentChildren }) {
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="site">
        <a class="brand" href="/">
          debrief
        </a>
        <nav aria-label="Site">
          <a href="/review">Review</a>
          <a href="/graphql">GraphQL explorer</a>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/** A heading that takes focus when it appears, so a screen reader hears where it landed. */
export function FocusHeading({ children, level = 1 }: { children: ComponentChildren; level?: 1 | 2 }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const Tag = level === 1 ? "h1" : "h2";
  return (
    <Tag ref={ref} tabIndex={-1}>
      {children}
    </Tag>
  );
}

export function ErrorMessage({ message }: { message: string | null }) {
  return (
    <p class="error" role="alert">
      {message ?? ""}
    </p>
  );
}

export function formatSeconds(s: number | null | undefined): string {
  if (s == null) return "—";
  const whole = Math.max(0, Math.round(s));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

export function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`;
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString() : "—";
}

export function statusLabel(status: string): string {
  return status.replace(/_/g, " ").toLowerCase();
}
