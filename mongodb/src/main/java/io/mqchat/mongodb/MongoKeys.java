package io.mqchat.mongodb;

import io.mqchat.config.Key;

/** Where the workers' MongoDB is: one database, shared by the groups, the archive, the media and the settings. */
public final class MongoKeys {

    public static final Key<String> MONGO_URI = Key.text("mongo.uri", null,
            "MongoDB connection string (mongodb://...); unset runs an embedded store in the data folder "
                    + "(all-in-one server only)");
    public static final Key<String> MONGO_DATABASE = Key.text("mongo.database", "mqchat",
            "MongoDB database holding the groups collection");

    private MongoKeys() {
    }
}
