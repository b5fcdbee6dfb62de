/**
 * The proof of work an anonymous start of a public interview may need (ALTCHA v2,
 * PBKDF2/SHA-256): solved with the browser's own WebCrypto while the candidate types their
 * name, so that a script pays for every session it starts and a person does not notice.
 */

import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";
import type { Challenge } from "altcha-lib/types";

/** The base64 ALTCHA payload `startSession(proofOfWork:)` takes, for a `StartChallenge`. */
export async function solveStartChallenge(challengeJson: string): Promise<string> {
  const challenge = JSON.parse(challengeJson) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (solution === null) {
    throw new Error("The check before starting took too long; reload the page to try again.");
  }
  return btoa(JSON.stringify({ challenge, solution }));
}
