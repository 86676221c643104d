package se.stegvis.reporting.indicators.adapter.out.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

/** A write that a document of the same key refuses: the store's unique key decides a race, not a read before it. */
final class UniqueWrite {

    private UniqueWrite() {
    }

    /** Runs the write: true when done, false when the key was taken (a duplicate key); any other failure is thrown. */
    static boolean unlessTaken(Runnable write) {
        try {
            write.run();
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
