package se.stegvis.replica;

import java.util.function.LongSupplier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import se.stegvis.testsupport.SharedMongo;

/** A replica in a database of the shared Mongo-wire server that no other test uses, and the client it needs. */
final class EmptyReplica implements AutoCloseable {

    private final MongoClient client = MongoClients.create(SharedMongo.connectionString());
    private final MongoDatabase database;
    private final MongoReplica replica;

    EmptyReplica(String prefix) {
        this(prefix, System::nanoTime);
    }

    /** With the replica's clock (it remembers projects for a while). */
    EmptyReplica(String prefix, LongSupplier nanoTime) {
        String connection = SharedMongo.freshDatabase(prefix);
        database = client.getDatabase(connection.substring(connection.lastIndexOf('/') + 1));
        replica = new MongoReplica(database, nanoTime);
    }

    MongoReplica replica() {
        return replica;
    }

    /** The replica's database, to write into as another instance would. */
    MongoDatabase database() {
        return database;
    }

    @Override
    public void close() {
        client.close();
    }
}
