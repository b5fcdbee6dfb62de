/** GraphQL over fetch (reads, small mutations) and XMLHttpRequest (uploads, for their progress). */

import type { TypedDocumentString } from "./generated/graphql";

export class GraphQLFailure extends Error {}

/** The key or token was refused (unknown, revoked or expired): HTTP 401, UNAUTHENTICATED. */
export class Unauthenticated extends GraphQLFailure {}

interface Response<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

function headers(token: string | null): Record<string, string> {
  const result: Record<string, string> = { "Content-Type": "application/json" };
  if (token) result.Authorization = `Bearer ${token}`;
  return result;
}

function unwrap<T>(body: Response<T>): T {
  const message = body.errors?.map((e) => e.message).join("; ");
  if (body.errors?.some((e) => e.extensions?.code === "UNAUTHENTICATED")) {
    throw new Unauthenticated(message);
  }
  if (message) throw new GraphQLFailure(message);
  if (!body.data) throw new GraphQLFailure("The server sent no data.");
  return body.data;
}

/** Run one operation; GraphQL errors and HTTP failures throw GraphQLFailure. */
export async function request<R, V>(
  document: TypedDocumentString<R, V>,
  variables: V,
  token: string | null,
): Promise<R> {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: headers(token),
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  if (!response.ok && response.status !== 400 && response.status !== 401) {
    throw new GraphQLFailure(`The server answered HTTP ${response.status}.`);
  }
  return unwrap((await response.json()) as Response<R>);
}

/** A failure worth trying again with the same idempotency key: the network or the server. */
export class TransientFailure extends Error {}

/**
 * Send one file as a GraphQL multipart request (the spec's operations + map + file parts),
 * reporting progress as a fraction. The Authorization header is what the server's CSRF
 * guard asks of every multipart request.
 */
export function upload<R, V>(
  document: TypedDocumentString<R, V>,
  variables: V,
  file: Blob,
  fileName: string,
  token: string,
  onProgress: (fraction: number) => void,
): Promise<R> {
  const form = new FormData();
  form.append("operations", JSON.stringify({ query: document.toString(), variables }));
  form.append("map", JSON.stringify({ 0: ["variables.file"] }));
  form.append("0", file, fileName);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/graphql");
    xhr.setRequestHeader("Authorization", `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new TransientFailure("The upload was interrupted."));
    xhr.ontimeout = () => reject(new TransientFailure("The upload timed out."));
    xhr.onload = () => {
      if (xhr.status === 429 || xhr.status >= 500) {
        reject(new TransientFailure(`The server answered HTTP ${xhr.status}.`));
        return;
      }
      try {
        resolve(unwrap(JSON.parse(xhr.responseText) as Response<R>));
      } catch (error) {
        reject(error instanceof GraphQLFailure ? error : new GraphQLFailure(`HTTP ${xhr.status}`));
      }
    };
    xhr.send(form);
  });
}

/** Retry a transient failure with backoff; anything else (a typed answer) is final. */
export async function withRetries<T>(
  attempt: (n: number) => Promise<T>,
  { tries = 4, firstDelayMs = 1000 }: { tries?: number; firstDelayMs?: number } = {},
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!(error instanceof TransientFailure) || n >= tries) throw error;
      await new Promise((resolve) => setTimeout(resolve, firstDelayMs * 2 ** (n - 1)));
    }
  }
}
