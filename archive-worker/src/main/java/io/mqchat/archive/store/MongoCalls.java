package io.mqchat.archive.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import java.util.function.Supplier;

/** How the archive calls MongoDB: every driver failure becomes {@link ArchiveUnavailableException}. */
final class MongoCalls {

    private MongoCalls() {
    }

    static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (MongoException e) {
            throw unavailable(e);
        }
    }

    /**
     * Runs a write whose key may already exist; false when it did. A conditional upsert whose condition is false
     * for the existing document also ends here, which is how "only forward" updates say "a newer value stands".
     */
    static boolean unlessDuplicate(Runnable write) {
        try {
            write.run();
            return true;
        } catch (MongoException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw unavailable(e);
        }
    }

    private static ArchiveUnavailableException unavailable(MongoException e) {
        return new ArchiveUnavailableException("MongoDB: " + e.getMessage(), e);
    }
}
