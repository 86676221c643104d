package se.stegvis.replica;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import se.stegvis.testsupport.SharedMongo;

/** A replica in a database of the shared Mongo-wire server that no other test uses, and the client it needs. */
final class EmptyReplica implements AutoCloseable {

    private final MongoClient client = MongoClients.create(SharedMongo.connectionString());
    private final MongoReplica replica;

    EmptyReplica(String prefix) {
        String connection = SharedMongo.freshDatabase(prefix);
        replica = new MongoReplica(client.getDatabase(connection.substring(connection.lastIndexOf('/') + 1)));
    }

    MongoReplica replica() {
        return replica;
    }

    @Override
    public void close() {
        client.close();
    }
}
