package dev.switchboard.media.transport;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The 20 ms clock of one event loop: every tick, each call on the loop sends its next outbound frame.
 *
 * <p>One timer per loop, not per call, keeps wake-ups constant however many calls a loop carries. The timer runs
 * at a fixed rate against the monotonic clock, so ticks do not drift; a late tick is followed by the missed ones
 * at once, which keeps RTP timestamps in step with real time.
 *
 * <p>Threading: confined to its loop.
 */
public final class FramePacer {

    public static final int FRAME_MILLIS = 20;

    /** Something that sends one frame per tick. */
    public interface Client {
        void onTick();
    }

    private final EventLoop loop;
    private final List<Client> clients = new ArrayList<>();
    private ScheduledFuture<?> timer;

    public FramePacer(EventLoop loop) {
        this.loop = loop;
    }

    public void add(Client client) {
        assert loop.inEventLoop();
        clients.add(client);
        if (timer == null) {
            timer = loop.scheduleAtFixedRate(this::tick, FRAME_MILLIS, FRAME_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    public void remove(Client client) {
        assert loop.inEventLoop();
        clients.remove(client);
        if (clients.isEmpty() && timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    public int clients() {
        return clients.size();
    }

    private void tick() {
        // Backwards, so a client that removes itself during its tick does not make the loop skip another.
        for (int i = clients.size() - 1; i >= 0; i--) {
            clients.get(i).onTick();
        }
    }
}
