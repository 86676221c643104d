package se.stegvis.reporting.indicators.adapter.in.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;

import tools.jackson.databind.json.JsonMapper;

import se.stegvis.access.Caller;
import se.stegvis.reporting.indicators.application.Currency;
import se.stegvis.reporting.indicators.application.ReadIndicators;
import se.stegvis.reporting.indicators.application.ViewChanges;
import se.stegvis.reporting.indicators.application.ViewCurrency;
import se.stegvis.reporting.indicators.domain.ComplementarySuppression;
import se.stegvis.reporting.indicators.domain.ConsolidatedView;

/**
 * The live stream behind {@code GET /api/indicators/stream}. The projection only notes which projects changed and
 * returns; one thread then reads the consolidated view once for every client (changes that pile up meanwhile are
 * read together), and each client gets it through its own one-item slot ({@link StreamClient}), written without
 * blocking. A new client gets the view that thread reads next, with every project named as changed, so a reconnect
 * catches up on what it missed. The stream carries the suppressed cross-project view only, as
 * {@code GET /api/indicators} does, to whoever may see that view; a project's exact figures stay behind its own
 * endpoint.
 *
 * <p>Each view carries how current it is ({@link ViewCurrency}). That changes without any figure changing (a rebuild
 * asked for, the projection waiting or caught up), so the timer looks at it every {@code currencyCheck} and, when it
 * differs from what the clients were last sent, has the reader send the view again to all, with no project named as
 * changed: a banner then comes and goes without a reload. The same reader sends it, so such changes are read
 * together with the figures' and no more often than the check.
 *
 * <p>Bounded everywhere: at most {@code maxPerIdentity} open streams per signed-in subject and {@code maxClients} in
 * all (a new one beyond is refused, {@link StreamsFull}); a client whose connection has taken nothing for
 * {@code sendTimeout} while something waits for it is dropped; two threads of its own (the reader and a timer) and
 * no pool that grows with the clients.
 */
public final class IndicatorStream implements ViewChanges, SmartLifecycle, AutoCloseable {

    /** How many streams may be open, per identity and in all, and when a client that reads nothing is dropped. */
    public record Limits(int maxPerIdentity, int maxClients, Duration sendTimeout) {
        public Limits {
            if (maxPerIdentity < 1 || maxClients < 1 || sendTimeout.isNegative() || sendTimeout.isZero()) {
                throw new IllegalArgumentException("Stream limits must be positive: " + maxPerIdentity + ", " + maxClients + ", " + sendTimeout);
            }
        }
    }

    private final ReadIndicators indicators;
    private final ViewCurrency currency;
    private final JsonMapper json;
    private final Duration timeout;
    private final Limits limits;
    private final Set<StreamClient> clients = new CopyOnWriteArraySet<>();
    private final Map<String, Integer> openPerSubject = new HashMap<>();
    private int open;
    private final ConcurrentLinkedQueue<StreamClient> newcomers = new ConcurrentLinkedQueue<>();
    private final Set<String> pending = new LinkedHashSet<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /**
     * During a rebuild the views are counted from the working state each time (no running counts are kept while it
     * replays), so the stream reads them at most this often meanwhile rather than after every batch.
     */
    private static final long REBUILDING_GAP_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** When the reader last read the view (its thread only). */
    private long lastRead = System.nanoTime() - REBUILDING_GAP_NANOS;
    /** The currency of the view the clients were last sent; read by the timer, written by the reader. */
    private volatile Currency sent;
    /** Set by the timer when the currency moved away from {@link #sent}: the reader sends the view to all. */
    private final AtomicBoolean currencyMoved = new AtomicBoolean();
    private volatile boolean running;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(daemon("indicator-stream-reader"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("indicator-stream-timer"));

    public IndicatorStream(ReadIndicators indicators, ViewCurrency currency, JsonMapper json, Duration heartbeatEvery,
            Duration currencyCheck, Duration timeout, Limits limits) {
        this.indicators = indicators;
        this.currency = currency;
        this.json = json;
        this.timeout = timeout;
        this.limits = limits;
        timer.scheduleAtFixedRate(() -> clients.forEach(client -> client.offer(StreamClient.Outgoing.HEARTBEAT)),
                heartbeatEvery.toMillis(), heartbeatEvery.toMillis(), TimeUnit.MILLISECONDS);
        long check = Math.max(50, limits.sendTimeout().toMillis() / 4);
        timer.scheduleWithFixedDelay(this::dropStalled, check, check, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::checkCurrency, currencyCheck.toMillis(), currencyCheck.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Opens a stream for the caller, if it may see the cross-project view and the bounds allow: it is told the
     * current view first, then every change.
     */
    void connect(Caller caller, HttpServletRequest request, HttpServletResponse response) {
        indicators.mayFollowConsolidated(caller);
        admit(caller.subject());
        AsyncContext async = null;
        StreamClient client = null;
        try {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Accel-Buffering", "no");
            async = request.startAsync(request, response);
            async.setTimeout(timeout.toMillis());
            response.flushBuffer(); // the headers, still blocking: the client knows at once it is connected
            ServletOutputStream out = response.getOutputStream();
            StreamClient opened = new StreamClient(caller.subject(), new ServletConnection(async, out), this::data, System::currentTimeMillis);
            client = opened;
            opened.onGone(() -> {
                clients.remove(opened);
                release(caller.subject());
            });
            async.addListener(new Ending(opened));
            clients.add(opened);
            // From here the output is non-blocking. The container calls onWritePossible once it has set that up,
            // and again whenever the connection takes more after a write it could not finish; the client writes
            // nothing before that first call, only keeps the latest view for it.
            out.setWriteListener(new WriteListener() {
                @Override
                public void onWritePossible() {
                    opened.writable();
                }

                @Override
                public void onError(Throwable failure) {
                    opened.close();
                }
            });
            newcomers.add(opened);
            schedule();
        } catch (IOException | RuntimeException e) {
            if (client != null) {
                client.close(); // counts it out and completes the response
            } else {
                release(caller.subject());
                if (async != null) {
                    new ServletConnection(async, null).close();
                }
            }
            if (e instanceof RuntimeException unexpected) {
                throw unexpected;
            }
            // An IOException: the client went away while the stream was set up; there is no one to answer.
        }
    }

    private synchronized void admit(String subject) {
        if (open >= limits.maxClients()) {
            throw new StreamsFull(false);
        }
        int mine = openPerSubject.getOrDefault(subject, 0);
        if (mine >= limits.maxPerIdentity()) {
            throw new StreamsFull(true);
        }
        openPerSubject.put(subject, mine + 1);
        open++;
    }

    private synchronized void release(String subject) {
        openPerSubject.computeIfPresent(subject, (key, mine) -> mine > 1 ? mine - 1 : null);
        open--;
    }

    private void dropStalled() {
        long millis = limits.sendTimeout().toMillis();
        clients.stream().filter(client -> client.stalledFor(millis)).forEach(StreamClient::close);
    }

    /** On the timer: a currency other than the clients were last sent is sent to them all, by the reader. */
    private void checkCurrency() {
        try {
            if (!clients.isEmpty() && !currency.now().equals(sent)) {
                currencyMoved.set(true);
                schedule();
            }
        } catch (RuntimeException e) {
            // Not to be known now: the next check, or the next change of the figures, tells it.
        }
    }

    @Override
    public void changed(Set<String> projectIds) {
        synchronized (pending) {
            pending.addAll(projectIds);
        }
        schedule();
    }

    /**
     * Open streams, for the gauge: the same count the bounds are checked against, so a stream that was let go
     * without being counted out would show here.
     */
    public synchronized int clients() {
        return open;
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            reader.execute(this::broadcast);
        }
    }

    private void broadcast() {
        long wait = REBUILDING_GAP_NANOS - (System.nanoTime() - lastRead);
        if (sent != null && sent.state() == Currency.State.REBUILDING && wait > 0) {
            // Still scheduled: what changes meanwhile waits in pending and is read with this.
            timer.schedule(() -> reader.execute(this::broadcast), wait, TimeUnit.NANOSECONDS);
            return;
        }
        scheduled.set(false);
        Set<String> changed;
        synchronized (pending) {
            changed = new TreeSet<>(pending);
            pending.clear();
        }
        List<StreamClient> fresh = new ArrayList<>();
        for (StreamClient client = newcomers.poll(); client != null; client = newcomers.poll()) {
            fresh.add(client);
        }
        boolean moved = currencyMoved.getAndSet(false);
        if (fresh.isEmpty() && ((changed.isEmpty() && !moved) || clients.isEmpty())) {
            return; // nobody to tell: a client that comes later is told the view of its time
        }
        try {
            lastRead = System.nanoTime();
            ViewCurrency.Stamped<ConsolidatedView> read = currency.read(indicators::consolidatedForAdmitted);
            ConsolidatedIndicatorsResponse view = ConsolidatedIndicatorsResponse.of(read.view(), read.currency(),
                    ComplementarySuppression.THRESHOLD_BELOW);
            String viewJson = json.writeValueAsString(view);
            boolean tellOthers = !changed.isEmpty() || !read.currency().equals(sent);
            sent = read.currency();
            StreamClient.Outgoing toFresh = new StreamClient.Outgoing(allProjects(view), viewJson);
            StreamClient.Outgoing toOthers = new StreamClient.Outgoing(changed, viewJson);
            for (StreamClient client : clients) {
                if (fresh.contains(client)) {
                    client.offer(toFresh);
                } else if (tellOthers) {
                    client.offer(toOthers);
                }
            }
        } catch (RuntimeException e) {
            // The read model is away for now: the next change (or a reconnect) tries again with what was missed.
            synchronized (pending) {
                pending.addAll(changed);
            }
            newcomers.addAll(fresh);
            if (moved) {
                currencyMoved.set(true);
            }
            timer.schedule(this::schedule, 1, TimeUnit.SECONDS);
        }
    }

    private static Set<String> allProjects(ConsolidatedIndicatorsResponse view) {
        Set<String> ids = new TreeSet<>();
        view.projects().forEach(project -> ids.add(project.projectId()));
        return ids;
    }

    private String data(StreamClient.Outgoing outgoing) {
        return "{\"changed\":" + json.writeValueAsString(outgoing.changed()) + ",\"view\":" + outgoing.view() + "}";
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every stream before the web server's graceful shutdown begins (a later phase), which would otherwise wait
     * its whole timeout for streams that never end by themselves. Browsers reconnect to another instance or later.
     */
    @Override
    public void stop() {
        running = false;
        close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        reader.shutdownNow();
        clients.forEach(StreamClient::close);
        clients.clear();
    }

    /** The servlet response, written without blocking. */
    private record ServletConnection(AsyncContext async, ServletOutputStream out) implements StreamClient.Connection {
        @Override
        public boolean ready() {
            return out.isReady();
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            out.write(bytes);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() {
            try {
                async.complete();
            } catch (IllegalStateException alreadyOver) {
                // completed or timed out by the container already
            }
        }
    }

    /**
     * The container ends a stream: its timeout (the browser reconnects), an error (the client went away), or the end
     * of the response. On a timeout or an error the stream is completed here, inside the container's call, as the
     * servlet specification asks of a listener that is done: otherwise the container dispatches to the error page,
     * which has nothing to say into a stream already under way.
     */
    private record Ending(StreamClient client) implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            client.close();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            end(event);
        }

        @Override
        public void onError(AsyncEvent event) {
            end(event);
        }

        private void end(AsyncEvent event) {
            client.close();
            try {
                event.getAsyncContext().complete();
            } catch (IllegalStateException alreadyOver) {
                // completed already, by the client's own close or another thread's
            }
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // nothing to do
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
