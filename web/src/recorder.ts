/**
 * The microphone, compressed in the browser: MediaRecorder with Opus, mono, at the speech
 * bitrate the server names in the page (so the server keeps the file as it is, no second
 * encode). Ogg is preferred where offered; Chromium offers WebM.
 */

export const MIME_TYPES = ["audio/ogg;codecs=opus", "audio/webm;codecs=opus"];
const DEFAULT_BITRATE_BPS = 12000;

export function recorderBitrateBps(): number {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="debrief-recorder-bitrate-bps"]');
  const value = Number(meta?.content);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_BITRATE_BPS;
}

export function supportedMimeType(): string | null {
  if (typeof MediaRecorder === "undefined") return null;
  return MIME_TYPES.find((type) => MediaRecorder.isTypeSupported(type)) ?? null;
}

export class MicrophoneRefused extends Error {}

/** Ask for the microphone once; a refusal becomes a message the candidate can act on. */
export async function openMicrophone(): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new MicrophoneRefused(
      "This browser cannot record audio here. Use a current browser over https or localhost.",
    );
  }
  try {
    return await navigator.mediaDevices.getUserMedia({
      audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true },
    });
  } catch (error) {
    const name = error instanceof DOMException ? error.name : "";
    if (name === "NotAllowedError" || name === "SecurityError") {
      throw new MicrophoneRefused(
        "Microphone access was refused. Allow the microphone for this site in your browser's " +
          "settings, then press “Allow microphone” again.",
      );
    }
    if (name === "NotFoundError") {
      throw new MicrophoneRefused("No microphone was found. Connect one and try again.");
    }
    throw new MicrophoneRefused(`The microphone could not be opened (${name || "unknown error"}).`);
  }
}

export interface Take {
  blob: Blob;
  mimeType: string;
  durationS: number;
}

/** One recording in progress; `stop()` resolves with the take. */
export class Recording {
  private readonly recorder: MediaRecorder;
  private readonly chunks: Blob[] = [];
  private readonly startedAt = performance.now();
  private readonly finished: Promise<Take>;

  constructor(stream: MediaStream, mimeType: string, bitrateBps: number) {
    this.recorder = new MediaRecorder(stream, { mimeType, audioBitsPerSecond: bitrateBps });
    this.finished = new Promise((resolve, reject) => {
      this.recorder.ondataavailable = (event) => {
        if (event.data.size > 0) this.chunks.push(event.data);
      };
      this.recorder.onerror = () => reject(new Error("The recording failed."));
      this.recorder.onstop = () =>
        resolve({
          blob: new Blob(this.chunks, { type: mimeType }),
          mimeType,
          durationS: (performance.now() - this.startedAt) / 1000,
        });
    });
    this.recorder.start();
  }

  stop(): Promise<Take> {
    if (this.recorder.state !== "inactive") this.recorder.stop();
    return this.finished;
  }
}
