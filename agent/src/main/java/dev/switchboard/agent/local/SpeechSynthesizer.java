package dev.switchboard.agent.local;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sound.sampled.AudioFormat;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Offline text-to-speech for the local engine: FreeTTS's {@code kevin16} diphone voice (US English, male), which
 * renders 16 kHz 16-bit big-endian mono, converted to the engine's {@code audio/pcm} — 24 kHz 16-bit little-endian
 * mono (reference §2.3) — by {@link Resampler16kTo24k}.
 *
 * <p>Rendering takes tens of milliseconds of CPU, so it never runs on the caller's thread: {@link #synthesize}
 * returns at once and the audio arrives through the future. FreeTTS is not known to be thread-safe, so every
 * synthesis in the JVM — of every synthesizer, as several engines may run side by side — runs on one dedicated
 * platform thread, {@code local-tts}, one after another; the thread ends after {@value #IDLE_SECONDS} idle seconds
 * and comes back when needed. A platform thread rather than a virtual one because the work is CPU-bound and FreeTTS
 * synchronises internally (which would pin a virtual thread's carrier anyway). Only that thread touches a
 * synthesizer's voice and cache, so neither needs a lock.
 *
 * <p>The voice is loaded on the first synthesis (about a quarter of a second) and released by {@link #close()};
 * while loaded, FreeTTS keeps one daemon output thread of its own. The voice is taken straight from its
 * {@link KevinVoiceDirectory} rather than through the JVM-wide {@code freetts.voices} system property.
 *
 * <p>The last {@value #CACHE_ENTRIES} phrases are cached (least recently used goes first): greetings and
 * confirmations repeat on every call. Cached arrays are shared and must not be modified.
 */
final class SpeechSynthesizer implements AutoCloseable {

    static final int CACHE_ENTRIES = 64;
    /** About a minute of speech; longer texts are refused rather than tying up the voice. */
    static final int MAX_TEXT_CHARS = 1000;
    static final int IDLE_SECONDS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(SpeechSynthesizer.class);
    private static final String VOICE_NAME = "kevin16";
    private static final Duration CLOSE_BOUND = Duration.ofSeconds(2);

    /** At most one thread, none while idle: tasks run one at a time, in order. */
    private static final ExecutorService TTS_THREAD = new ThreadPoolExecutor(0, 1, IDLE_SECONDS, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), Thread.ofPlatform().name("local-tts").daemon(true).factory());

    private final AtomicBoolean closed = new AtomicBoolean();
    private final Map<String, byte[]> cache = new LinkedHashMap<>(CACHE_ENTRIES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };
    private final PcmCollector collector = new PcmCollector();
    private Voice voice;

    /**
     * Speaks {@code text}.
     *
     * @return 24 kHz PCM16 little-endian mono, empty for a text with nothing to say; fails for a text longer than
     *         {@value #MAX_TEXT_CHARS} characters, when FreeTTS fails, or once the synthesizer is closed
     */
    CompletableFuture<byte[]> synthesize(String text) {
        if (text.length() > MAX_TEXT_CHARS) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("cannot speak a text of "
                    + text.length() + " characters; at most " + MAX_TEXT_CHARS + " are allowed"));
        }
        if (closed.get()) {
            return CompletableFuture.failedFuture(closedError());
        }
        return CompletableFuture.supplyAsync(() -> cachedOrRendered(text), TTS_THREAD);
    }

    /**
     * Refuses further texts and releases the voice once the syntheses already queued are over, waiting for that a
     * bounded time; idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            CompletableFuture.runAsync(this::releaseVoice, TTS_THREAD)
                    .get(CLOSE_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("could not release the FreeTTS voice within {}: {}", CLOSE_BOUND, e.toString());
        }
    }

    private byte[] cachedOrRendered(String text) {
        if (closed.get()) {
            throw closedError();
        }
        byte[] audio = cache.get(text);
        if (audio == null) {
            audio = render(text);
            cache.put(text, audio);
        }
        return audio;
    }

    private byte[] render(String text) {
        if (text.isBlank()) {
            return new byte[0];
        }
        Voice kevin = loadedVoice();
        long start = System.nanoTime();
        collector.take();
        if (!kevin.speak(text)) {
            throw new IllegalStateException("FreeTTS could not speak \"" + text + "\"");
        }
        byte[] pcm24k = toPcm24k(collector.take(), collector.getAudioFormat());
        LOG.debug("synthesised {} ms of speech in {} ms", Pcm24k.bytesToMsCeil(pcm24k.length),
                (System.nanoTime() - start) / 1_000_000);
        return pcm24k;
    }

    private Voice loadedVoice() {
        if (voice == null) {
            long start = System.nanoTime();
            Voice found = Arrays.stream(new KevinVoiceDirectory().getVoices())
                    .filter(v -> VOICE_NAME.equals(v.getName()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("FreeTTS has no voice " + VOICE_NAME));
            found.setAudioPlayer(collector);
            found.allocate();
            voice = found;
            LOG.info("loaded FreeTTS voice {} in {} ms", VOICE_NAME, (System.nanoTime() - start) / 1_000_000);
        }
        return voice;
    }

    private void releaseVoice() {
        if (voice != null) {
            voice.deallocate();
            voice = null;
        }
        cache.clear();
    }

    /** FreeTTS's 16 kHz PCM16 (either byte order) as 24 kHz PCM16 little-endian. */
    private static byte[] toPcm24k(byte[] pcm, AudioFormat format) {
        boolean expected = format != null && format.getSampleRate() == Resampler16kTo24k.INPUT_RATE
                && format.getSampleSizeInBits() == 16 && format.getChannels() == 1
                && format.getEncoding() == AudioFormat.Encoding.PCM_SIGNED;
        if (!expected) {
            throw new IllegalStateException("FreeTTS rendered " + format + "; expected 16 kHz 16-bit signed mono");
        }
        boolean bigEndian = format.isBigEndian();
        short[] samples = new short[pcm.length / 2];
        for (int i = 0; i < samples.length; i++) {
            int high = pcm[bigEndian ? 2 * i : 2 * i + 1];
            int low = pcm[bigEndian ? 2 * i + 1 : 2 * i] & 0xFF;
            samples[i] = (short) (high << 8 | low);
        }
        short[] resampled = Resampler16kTo24k.resample(samples);
        byte[] out = new byte[resampled.length * 2];
        for (int i = 0; i < resampled.length; i++) {
            out[2 * i] = (byte) resampled[i];
            out[2 * i + 1] = (byte) (resampled[i] >> 8);
        }
        return out;
    }

    private static IllegalStateException closedError() {
        return new IllegalStateException("the speech synthesizer is closed");
    }
}
