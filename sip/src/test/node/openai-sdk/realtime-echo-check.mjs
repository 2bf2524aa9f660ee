// Wire-compatibility check of an OpenAI-Realtime-GA-compatible "echo" server, driven through the
// official `openai` SDK's Realtime WebSocket client (OpenAIRealtimeWS from 'openai/realtime/ws').
//
// Usage: node realtime-echo-check.mjs ws://127.0.0.1:PORT/v1 [model]
//   model defaults to "echo". Prints one line of JSON on stdout; exits 0 on success, 1 on failure.
//   Env: REALTIME_CHECK_VERBOSE=1 logs every server event type on stderr;
//        REALTIME_CHECK_TIMEOUT_MS overrides the overall 20 s timeout (used by the self-test).
//
// Gotcha (openai 6.x, realtime/internal-base buildRealtimeURL): the SDK takes client.baseURL,
// appends "/realtime?model=<model>" and then unconditionally sets the scheme to "wss". For a
// plain ws:// or http:// base URL we therefore hand `ws` a `createConnection` that opens a plain
// TCP socket (a documented ws ClientOptions field, passed through the SDK's `options` prop), so
// the handshake `GET /v1/realtime?model=echo` goes out unencrypted to the given host and port.

import net from 'node:net';
import OpenAI from 'openai';
import { OpenAIRealtimeWS } from 'openai/realtime/ws';

const RATE = 24000;
const CHUNK_MS = 20;
const CHUNK = (RATE * CHUNK_MS) / 1000;
const LEAD_SILENCE_MS = 300;
const TONE_MS = 800;
const TAIL_SILENCE_MS = 1000;
const TONE_HZ = 440;
const TONE_PEAK = 0.1 * 32767; // -20 dBFS at the envelope's peak
const AM_HZ = 4;
const PREFIX_PADDING_MS = 300;
const LENGTH_TOLERANCE_MS = 150;
const SILENCE_DURATION_MS = 500;
const MIN_CORRELATION = 0.9;
const TIMEOUT_MS = Number(process.env.REALTIME_CHECK_TIMEOUT_MS ?? 20000);
const VERBOSE = process.env.REALTIME_CHECK_VERBOSE === '1';
const CANCEL_EVENT_ID = 'evt_echo_check_cancel';

/** The server events that must arrive, in this order; deltas may repeat. */
const SEQUENCE = [
  'input_audio_buffer.speech_started',
  'input_audio_buffer.speech_stopped',
  'input_audio_buffer.committed',
  'response.created',
  'response.output_audio.delta',
  'response.done',
];
const DELTA_STEP = SEQUENCE.indexOf('response.output_audio.delta');

const started = Date.now();
const summary = { ok: false, model: null, sdkUrl: null, stage: 'connect', events: [] };
let rt = null;
let finished = false;

function finish(ok, message) {
  if (finished) return;
  finished = true;
  summary.ok = ok;
  summary.elapsedMs = Date.now() - started;
  if (!ok) summary.error = message;
  if (!ok) console.error(`realtime-echo-check FAILED at stage '${summary.stage}': ${message}`);
  summary.events = summary.events.slice(-40); // keep the line short; the tail is what matters
  console.log(JSON.stringify(summary));
  try {
    rt?.close();
  } catch {
    // closing is best-effort; the verdict is already printed
  }
  process.exit(ok ? 0 : 1);
}

const fail = (message) => finish(false, message);

function parseTarget(argv) {
  if (argv.length < 1 || argv.length > 2) {
    console.error('usage: node realtime-echo-check.mjs ws://127.0.0.1:PORT/v1 [model]');
    process.exit(1);
  }
  let url;
  try {
    url = new URL(argv[0]);
  } catch {
    console.error(`not a URL: ${argv[0]}`);
    process.exit(1);
  }
  if (!['ws:', 'wss:', 'http:', 'https:'].includes(url.protocol)) {
    console.error(`base URL must be ws://, wss://, http:// or https://, got ${url.protocol}`);
    process.exit(1);
  }
  const plain = url.protocol === 'ws:' || url.protocol === 'http:';
  return { baseURL: argv[0], plain, port: Number(url.port || (plain ? 80 : 443)), model: argv[1] ?? 'echo' };
}

/** 300 ms silence, 800 ms of a 4 Hz amplitude-modulated 440 Hz tone, 1000 ms silence; PCM16. */
function buildInput() {
  const lead = (RATE * LEAD_SILENCE_MS) / 1000;
  const toneLen = (RATE * TONE_MS) / 1000;
  const tail = (RATE * TAIL_SILENCE_MS) / 1000;
  const fade = RATE * 0.005; // 5 ms raised-cosine edges, so the tone does not click
  const pcm = new Int16Array(lead + toneLen + tail);
  for (let i = 0; i < toneLen; i++) {
    const t = i / RATE;
    const envelope = 0.65 + 0.35 * Math.sin(2 * Math.PI * AM_HZ * t);
    const edge = Math.min(1, i / fade, (toneLen - 1 - i) / fade);
    const ramp = 0.5 - 0.5 * Math.cos(Math.PI * edge);
    pcm[lead + i] = Math.round(TONE_PEAK * envelope * ramp * Math.sin(2 * Math.PI * TONE_HZ * t));
  }
  return { pcm, tone: pcm.subarray(lead, lead + toneLen) };
}

function dbfs(samples) {
  let peak = 0;
  let sum = 0;
  for (const s of samples) {
    peak = Math.max(peak, Math.abs(s));
    sum += s * s;
  }
  const rms = Math.sqrt(sum / samples.length);
  return { peakDbfs: round1(20 * Math.log10(peak / 32768)), rmsDbfs: round1(20 * Math.log10(rms / 32768)) };
}

const round1 = (x) => Math.round(x * 10) / 10;

/**
 * Best normalized cross-correlation of `reference` placed at every lag inside `received`
 * (partially hanging off either end by up to half its length). Normalized by the whole
 * reference's energy, so audio missing from the echo lowers the score.
 */
function bestCorrelation(reference, received) {
  const n = reference.length;
  const m = received.length;
  let refEnergy = 0;
  for (const s of reference) refEnergy += s * s;
  const prefix = new Float64Array(m + 1); // running energy of `received`, for window energies
  for (let i = 0; i < m; i++) prefix[i + 1] = prefix[i] + received[i] * received[i];
  let best = { value: -1, lag: 0 };
  for (let lag = -Math.floor(n / 2); lag <= m - Math.ceil(n / 2); lag++) {
    const from = Math.max(0, -lag);
    const to = Math.min(n, m - lag);
    let dot = 0;
    for (let i = from; i < to; i++) dot += reference[i] * received[lag + i];
    const windowEnergy = prefix[lag + to] - prefix[lag + from];
    if (windowEnergy <= 0) continue;
    const value = dot / Math.sqrt(refEnergy * windowEnergy);
    if (value > best.value) best = { value, lag };
  }
  return best;
}

function onceEvent(type) {
  return new Promise((resolve) => rt.once(type, resolve));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends the input in real time: chunk k leaves at start + k * 20 ms. */
async function streamAudio(pcm) {
  const t0 = Date.now();
  for (let k = 0; k * CHUNK < pcm.length && !finished; k++) {
    const chunk = pcm.subarray(k * CHUNK, (k + 1) * CHUNK);
    const audio = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('base64');
    rt.send({ type: 'input_audio_buffer.append', audio });
    const wait = t0 + (k + 1) * CHUNK_MS - Date.now();
    if (wait > 0) await sleep(wait);
  }
}

/** Tracks the required server events and fails on the first one out of order. */
function trackTurn() {
  let step = -1;
  let responseId = null;
  const deltas = [];
  return new Promise((resolve) => {
    for (const type of SEQUENCE) {
      rt.on(type, (event) => {
        if (finished) return;
        const index = SEQUENCE.indexOf(type);
        const repeatDelta = index === DELTA_STEP && step === DELTA_STEP;
        if (step === SEQUENCE.length - 1) return fail(`unexpected ${type} after response.done`);
        if (index !== step + 1 && !repeatDelta) {
          return fail(`got ${type} while expecting ${SEQUENCE[step + 1]} (order must be ${SEQUENCE.join(' > ')})`);
        }
        step = index;
        if (type === 'input_audio_buffer.speech_started') summary.audioStartMs = event.audio_start_ms;
        if (type === 'input_audio_buffer.speech_stopped') summary.audioEndMs = event.audio_end_ms;
        if (type === 'response.created') {
          responseId = event.response?.id;
          if (!responseId) return fail('response.created has no response.id');
          summary.responseId = responseId;
        }
        if (type === 'response.output_audio.delta') {
          if (event.response_id !== responseId) {
            return fail(`response.output_audio.delta.response_id ${event.response_id} != response.created id ${responseId}`);
          }
          if (typeof event.delta !== 'string') return fail('response.output_audio.delta.delta is not a base64 string');
          deltas.push(Buffer.from(event.delta, 'base64'));
        }
        if (type === 'response.done') {
          const status = event.response?.status;
          if (status !== 'completed') return fail(`response.done status is ${JSON.stringify(status)}, expected "completed"`);
          if (event.response?.id !== responseId) return fail(`response.done id ${event.response?.id} != ${responseId}`);
          resolve(deltas);
        }
      });
    }
  });
}

function checkEcho(deltas, tone) {
  const bytes = Buffer.concat(deltas);
  if (bytes.length % 2 !== 0) return fail(`echo has an odd byte count (${bytes.length}); not PCM16`);
  const echo = new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  const echoMs = (echo.length * 1000) / RATE;
  // The echo is the committed turn: from speech_started.audio_start_ms (prefix padding included) to
  // speech_stopped.audio_end_ms, which per the GA reference includes the trailing silence_duration_ms.
  const low = TONE_MS - LENGTH_TOLERANCE_MS;
  const high = TONE_MS + PREFIX_PADDING_MS + SILENCE_DURATION_MS + LENGTH_TOLERANCE_MS;
  Object.assign(summary, { deltaCount: deltas.length, echoMs, expectedEchoMs: [low, high] });
  if (echoMs < low || echoMs > high) return fail(`echo is ${echoMs} ms, expected ${low}..${high} ms`);
  const best = bestCorrelation(tone, echo);
  summary.correlation = Math.round(best.value * 10000) / 10000;
  summary.toneOffsetInEchoMs = round1((best.lag * 1000) / RATE);
  if (!(best.value > MIN_CORRELATION)) {
    return fail(`echo correlates ${best.value.toFixed(4)} with the sent tone, need > ${MIN_CORRELATION}`);
  }
  return true;
}

async function main() {
  const target = parseTarget(process.argv.slice(2));
  summary.model = target.model;
  setTimeout(() => fail(`overall timeout of ${TIMEOUT_MS} ms`), TIMEOUT_MS).unref();

  const client = new OpenAI({ apiKey: 'local', baseURL: target.baseURL });
  // The SDK forces wss (see header); keep the connection plain when the caller asked for ws/http.
  const options = target.plain
    ? { createConnection: (opts) => net.connect({ host: opts.host, port: target.port }) }
    : {};
  rt = new OpenAIRealtimeWS({ model: target.model, options }, client);
  summary.sdkUrl = rt.url.href;
  const wire = new URL(rt.url.href);
  if (target.plain) {
    wire.protocol = 'ws:';
    wire.port = String(target.port);
  }
  summary.wireUrl = wire.href;

  rt.on('event', (event) => {
    summary.events.push(event.type);
    if (VERBOSE) console.error(`<- ${event.type}`);
  });
  let expectCancelError = null;
  rt.on('error', (err) => {
    // Server `error` events arrive here as OpenAIRealtimeError with the wire payload in err.error;
    // transport failures have no err.error.
    if (expectCancelError && err.error) return expectCancelError(err);
    const detail = err.error ? `server error event: ${JSON.stringify(err.error)}` : `transport error: ${err.message}`;
    fail(detail);
  });
  rt.socket.on('close', (code, reason) => fail(`socket closed early (code ${code}${reason?.length ? `, ${reason}` : ''})`));

  const created = await onceEvent('session.created');
  summary.stage = 'session.update';
  summary.sessionId = created.session?.id ?? null;
  const updated = onceEvent('session.updated');
  rt.send({
    type: 'session.update',
    session: {
      type: 'realtime',
      output_modalities: ['audio'],
      audio: {
        input: {
          format: { type: 'audio/pcm', rate: RATE },
          turn_detection: { type: 'server_vad', threshold: 0.5, prefix_padding_ms: PREFIX_PADDING_MS, silence_duration_ms: SILENCE_DURATION_MS },
        },
        output: { format: { type: 'audio/pcm', rate: RATE }, voice: 'alloy' },
      },
    },
  });
  const session = (await updated).session;
  if (session?.type !== 'realtime') return fail(`session.updated.session.type is ${JSON.stringify(session?.type)}, expected "realtime"`);

  summary.stage = 'turn';
  const { pcm, tone } = buildInput();
  summary.tone = { hz: TONE_HZ, ms: TONE_MS, ...dbfs(tone) };
  const turn = trackTurn();
  const [deltas] = await Promise.all([turn, streamAudio(pcm)]);
  summary.stage = 'echo';
  if (checkEcho(deltas, tone) !== true) return;

  summary.stage = 'response.cancel';
  const cancelError = new Promise((resolve) => (expectCancelError = resolve));
  rt.send({ type: 'response.cancel', event_id: CANCEL_EVENT_ID });
  const err = await cancelError;
  if (err.error.code !== 'response_cancel_not_active') {
    return fail(`response.cancel with nothing active gave error code ${JSON.stringify(err.error.code)}, expected "response_cancel_not_active"`);
  }
  summary.cancelError = { code: err.error.code, eventIdEchoed: err.error.event_id === CANCEL_EVENT_ID };
  summary.stage = 'done';
  finish(true);
}

main().catch((err) => fail(`unexpected exception: ${err?.stack ?? err}`));
