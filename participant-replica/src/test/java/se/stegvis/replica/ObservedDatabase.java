package se.stegvis.replica;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * A database whose collections count the calls made on them ({@code find}, {@code bulkWrite}, ...) and can let another
 * writer in just before a collection's next bulk write: between a batch's read and its write, where a race happens.
 */
final class ObservedDatabase {

    private final MongoDatabase database;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, Runnable> beforeNextBulkWrite = new ConcurrentHashMap<>();

    ObservedDatabase(MongoDatabase database) {
        this.database = database;
    }

    /** The database to hand to the code under test. */
    MongoDatabase database() {
        return proxy(MongoDatabase.class, database, (target, method, args) -> {
            Object result = method.invoke(target, args);
            return method.getName().equals("getCollection") ? observed((String) args[0], (MongoCollection<?>) result) : result;
        });
    }

    /** Runs {@code writer} once, just before the collection's next bulk write. */
    void beforeNextBulkWrite(String collection, Runnable writer) {
        beforeNextBulkWrite.put(collection, writer);
    }

    /** How often {@code method} was called on the collection. */
    int calls(String collection, String method) {
        AtomicInteger count = calls.get(collection + "." + method);
        return count == null ? 0 : count.get();
    }

    private MongoCollection<?> observed(String name, MongoCollection<?> collection) {
        return proxy(MongoCollection.class, collection, (target, method, args) -> {
            calls.computeIfAbsent(name + "." + method.getName(), key -> new AtomicInteger()).incrementAndGet();
            if (method.getName().equals("bulkWrite")) {
                Runnable writer = beforeNextBulkWrite.remove(name);
                if (writer != null) {
                    writer.run();
                }
            }
            return method.invoke(target, args);
        });
    }

    private interface Call {
        Object on(Object target, java.lang.reflect.Method method, Object[] args) throws ReflectiveOperationException;
    }

    private static <T> T proxy(Class<T> type, Object target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return call.on(target, method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
