package se.stegvis.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.bson.RawBsonDocument;

/** Every document of every database of the Mongo-wire server, as the BSON bytes it holds and as JSON. */
final class DatabaseDump {

    record StoredDocument(String database, String collection, byte[] bson, String json) {

        String where() {
            return database + "." + collection;
        }
    }

    private DatabaseDump() {
    }

    static MongoClient client(int port) {
        return MongoClients.create("mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=10000");
    }

    static List<StoredDocument> all(MongoClient mongo) {
        List<StoredDocument> documents = new ArrayList<>();
        for (String name : mongo.listDatabaseNames()) {
            MongoDatabase database = mongo.getDatabase(name);
            for (String collection : database.listCollectionNames()) {
                for (RawBsonDocument document : database.getCollection(collection, RawBsonDocument.class).find()) {
                    ByteBuffer buffer = document.getByteBuffer().asNIO();
                    byte[] bson = new byte[buffer.remaining()];
                    buffer.get(bson);
                    documents.add(new StoredDocument(name, collection, bson, document.toJson()));
                }
            }
        }
        return documents;
    }
}
