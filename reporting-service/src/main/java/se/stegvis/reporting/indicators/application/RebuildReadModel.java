package se.stegvis.reporting.indicators.application;

import se.stegvis.access.Caller;
import se.stegvis.access.GlobalRole;

/** The rebuild of the read model and its progress: for an admin only, since it empties every view for a while. */
public final class RebuildReadModel {

    private final Replay replay;

    public RebuildReadModel(Replay replay) {
        this.replay = replay;
    }

    public RebuildProgress request(Caller caller) {
        caller.require(caller.has(GlobalRole.ADMIN), "rebuild the read model");
        return replay.requestRebuild();
    }

    public RebuildProgress progress(Caller caller) {
        caller.require(caller.has(GlobalRole.ADMIN), "read the rebuild's progress");
        return replay.progress();
    }
}
