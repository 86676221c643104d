package se.stegvis.localstack.demo;

import java.util.Locale;

/**
 * What a load did, counted as it goes: what it sent anew beside what it found already there, so a second load can be
 * seen to have added nothing. Its {@link #describe} line is what users read, and what the tests check.
 */
final class DemoSummary {

    int participants;
    int newParticipants;
    int enrolledOtherwise;
    int activities;
    int newActivities;
    int activitySlips;
    int leftNow;
    int leftBefore;
    int outcomesRecorded;
    int outcomesThere;
    int outcomesRetracted;
    int refiled;

    String describe(long seconds) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "loaded in %d s: %d invented participants (%d new); %d activities (%d new), slips retracted: %d;"
                        + " %d left (%d before this run); %d outcomes (%d new), slips retracted: %d",
                seconds, participants, newParticipants, activities, newActivities, activitySlips, leftNow + leftBefore,
                leftBefore, outcomesRecorded + outcomesThere, outcomesRecorded, outcomesRetracted));
        if (enrolledOtherwise > 0) {
            text.append("; ").append(enrolledOtherwise).append(" skipped: the same person is enrolled there under another"
                    + " key (another demo seed or as-of date?)");
        }
        if (refiled > 0) {
            text.append("; ").append(refiled).append(" outcome(s) recorded before outcome-service knew of the leaving,"
                    + " retracted and recorded again");
        }
        return text.toString();
    }
}
