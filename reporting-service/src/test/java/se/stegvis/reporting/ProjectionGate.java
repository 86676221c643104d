package se.stegvis.reporting;

import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import se.stegvis.reporting.indicators.application.IndicatorProjection;
import se.stegvis.reporting.indicators.application.ViewChanges;

/**
 * Holds a running service's projection: while held, the consumer's thread stops in the next batch that changes
 * figures, right after that batch is stored and announced, until released. Nothing is applied meanwhile, neither a
 * later batch nor the start of a rebuild, so what the views say then (a rebuild asked for, say) comes from anything
 * but changing figures. It subscribes to the projection as the live stream does, after it; a gate left held lets go
 * by itself after a minute, so a failed test does not stop the service for good.
 */
final class ProjectionGate implements ViewChanges {

    private volatile CountDownLatch released = new CountDownLatch(0);
    private volatile boolean holding;

    private ProjectionGate() {
    }

    static ProjectionGate on(RunningReportingService service) {
        ProjectionGate gate = new ProjectionGate();
        service.context.getBean(IndicatorProjection.class).subscribe(gate);
        return gate;
    }

    /** The next batch that changes figures stops once it is stored. */
    void hold() {
        released = new CountDownLatch(1);
    }

    /** Whether the consumer's thread is stopped here now. */
    boolean holding() {
        return holding;
    }

    void release() {
        released.countDown();
    }

    @Override
    public void changed(Set<String> projectIds) {
        holding = true;
        try {
            released.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            holding = false;
        }
    }
}
