import java.util.List;
import java.util.Map;
import java.util.Collection;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * Runs mongo-java-server on 127.0.0.1: `LocalMongoServer <port> memory` keeps everything in memory
 * (tests), `LocalMongoServer <port> <file.mv>` keeps it in an H2 file (npm start). Announces itself
 * as MongoDB 5.0, whose wire version the Node driver accepts.
 *
 * Its unique indexes (the `_id` index among them) answer only a query on exactly their own fields;
 * anything more, such as the platform's conditional updates `{_id, revision}`, scanned the whole
 * collection under its lock. Here they also answer a query that names each of their fields with a
 * plain value beside other conditions: the index finds the one candidate, the whole query decides.
 */
public final class LocalMongoServer {
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: LocalMongoServer <port> memory|<file.mv>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        MongoBackend backend = args[1].equals("memory") ? new Memory() : new H2(args[1]);
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);
        // On SIGTERM: stop taking connections, then close the backend (H2 writes its file out).
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        server.bind("127.0.0.1", port);
        System.out.println("mongo-java-server listening on 127.0.0.1:" + port + " (" + args[1] + ")");
    }

    private static final class Memory extends MemoryBackend {
        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new MemoryDatabase(databaseName, getCursorRegistry()) {
                @Override
                protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                                 List<IndexKey> keys, boolean sparse) {
                    return new EqualityLookup<>(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse),
                        indexName, keys, sparse);
                }
            };
        }
    }

    private static final class H2 extends H2Backend {
        H2(String fileName) {
            super(fileName);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
                @Override
                protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                                List<IndexKey> keys, boolean sparse) {
                    return new EqualityLookup<>(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse),
                        indexName, keys, sparse);
                }
            };
        }
    }

    /** A unique index that also finds the candidate of a query with more conditions than its fields. */
    private static final class EqualityLookup<P> extends Index<P> {
        private final Index<P> index;

        EqualityLookup(Index<P> index, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.index = index;
        }

        @Override
        public boolean canHandle(Document query) {
            return index.canHandle(query) || ownFieldsOf(query) != null;
        }

        @Override
        public Iterable<P> getPositions(Document query) {
            if (index.canHandle(query)) return index.getPositions(query);
            return index.getPositions(ownFieldsOf(query));
        }

        /** The query's conditions on this index's fields, when each is a plain value; else null. */
        private Document ownFieldsOf(Document query) {
            Document own = new Document();
            for (String key : keys()) {
                Object value = query.get(key);
                boolean plain = value != null && !(value instanceof Document) && !(value instanceof Collection)
                    && !(value instanceof Map) && !BsonRegularExpression.isRegularExpression(value);
                if (!plain) return null;
                own.put(key, value);
            }
            return own;
        }

        @Override
        public P getPosition(Document document) {
            return index.getPosition(document);
        }

        @Override
        public void checkAdd(Document document, MongoCollection<P> collection) {
            index.checkAdd(document, collection);
        }

        @Override
        public void add(Document document, P position, MongoCollection<P> collection) {
            index.add(document, position, collection);
        }

        @Override
        public P remove(Document document) {
            return index.remove(document);
        }

        @Override
        public long getCount() {
            return index.getCount();
        }

        @Override
        public boolean isEmpty() {
            return index.isEmpty();
        }

        @Override
        public long getDataSize() {
            return index.getDataSize();
        }

        @Override
        public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
            index.checkUpdate(oldDocument, newDocument, collection);
        }

        @Override
        public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
            index.updateInPlace(oldDocument, newDocument, position, collection);
        }

        @Override
        public void drop() {
            index.drop();
        }

        @Override
        public boolean isUnique() {
            return index.isUnique();
        }

        @Override
        public Document toIndexDescription() {
            return index.toIndexDescription();
        }
    }
}
