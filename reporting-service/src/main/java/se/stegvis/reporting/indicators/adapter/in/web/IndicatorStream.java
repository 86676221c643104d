package se.stegvis.reporting.indicators.adapter.in.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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

import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import tools.jackson.databind.json.JsonMapper;

import se.stegvis.reporting.indicators.application.ReadIndicators;
import se.stegvis.reporting.indicators.application.ViewChanges;
import se.stegvis.reporting.indicators.domain.ComplementarySuppression;

/**
 * The live stream behind {@code GET /api/indicators/stream}. The projection only notes which projects changed and
 * returns; one thread then reads the consolidated view once for every client (changes that pile up meanwhile are
 * read together), and each client gets it through its own one-item slot ({@link StreamClient}). A new client gets
 * the view that thread reads next, with every project named as changed, so a reconnect catches up on what it missed.
 * The stream carries the suppressed cross-project view only, as {@code GET /api/indicators} does: it is open to
 * anyone who may see that view, so a project's exact figures stay behind its own endpoint.
 */
public final class IndicatorStream implements ViewChanges, SmartLifecycle, AutoCloseable {

    private final ReadIndicators indicators;
    private final JsonMapper json;
    private final Duration timeout;
    private final Set<StreamClient> clients = new CopyOnWriteArraySet<>();
    private final ConcurrentLinkedQueue<StreamClient> newcomers = new ConcurrentLinkedQueue<>();
    private final Set<String> pending = new LinkedHashSet<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean running;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(daemon("indicator-stream-reader"));
    private final ExecutorService senders = Executors.newCachedThreadPool(daemon("indicator-stream-sender"));
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("indicator-stream-heartbeat"));

    public IndicatorStream(ReadIndicators indicators, JsonMapper json, Duration heartbeatEvery, Duration timeout) {
        this.indicators = indicators;
        this.json = json;
        this.timeout = timeout;
        heartbeat.scheduleAtFixedRate(() -> clients.forEach(client -> client.offer(StreamClient.Outgoing.HEARTBEAT)),
                heartbeatEvery.toMillis(), heartbeatEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Opens a stream: it is told the current view first, then every change. */
    SseEmitter connect() {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        StreamClient[] self = new StreamClient[1];
        Runnable remove = () -> clients.remove(self[0]);
        self[0] = new StreamClient(emitter, this::data, senders, remove);
        emitter.onCompletion(remove);
        emitter.onTimeout(() -> {
            remove.run();
            emitter.complete();
        });
        emitter.onError(error -> remove.run());
        clients.add(self[0]);
        newcomers.add(self[0]);
        schedule();
        return emitter;
    }

    @Override
    public void changed(Set<String> projectIds) {
        synchronized (pending) {
            pending.addAll(projectIds);
        }
        schedule();
    }

    /** Open streams, for the gauge. */
    public int clients() {
        return clients.size();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            reader.execute(this::broadcast);
        }
    }

    private void broadcast() {
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
        if (fresh.isEmpty() && (changed.isEmpty() || clients.isEmpty())) {
            return; // nobody to tell: a client that comes later is told the view of its time
        }
        try {
            ConsolidatedIndicatorsResponse view = ConsolidatedIndicatorsResponse.of(indicators.consolidated(),
                    ComplementarySuppression.THRESHOLD_BELOW);
            String viewJson = json.writeValueAsString(view);
            StreamClient.Outgoing toFresh = new StreamClient.Outgoing(allProjects(view), viewJson);
            StreamClient.Outgoing toOthers = new StreamClient.Outgoing(changed, viewJson);
            for (StreamClient client : clients) {
                if (fresh.contains(client)) {
                    client.offer(toFresh);
                } else if (!changed.isEmpty()) {
                    client.offer(toOthers);
                }
            }
        } catch (RuntimeException e) {
            // The read model is away for now: the next change (or a reconnect) tries again with what was missed.
            synchronized (pending) {
                pending.addAll(changed);
            }
            newcomers.addAll(fresh);
            heartbeat.schedule(this::schedule, 1, TimeUnit.SECONDS);
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
        heartbeat.shutdownNow();
        reader.shutdownNow();
        clients.forEach(StreamClient::complete);
        clients.clear();
        senders.shutdownNow();
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
