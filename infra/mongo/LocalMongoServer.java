import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Runs mongo-java-server on 127.0.0.1: `LocalMongoServer <port> memory` keeps everything in memory
 * (tests), `LocalMongoServer <port> <file.mv>` keeps it in an H2 file (npm start). Announces itself
 * as MongoDB 5.0, whose wire version the Node driver accepts.
 */
public final class LocalMongoServer {
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: LocalMongoServer <port> memory|<file.mv>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        MongoBackend backend = args[1].equals("memory") ? new MemoryBackend() : new H2Backend(args[1]);
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);
        // On SIGTERM: stop taking connections, then close the backend (H2 writes its file out).
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        server.bind("127.0.0.1", port);
        System.out.println("mongo-java-server listening on 127.0.0.1:" + port + " (" + args[1] + ")");
    }
}
