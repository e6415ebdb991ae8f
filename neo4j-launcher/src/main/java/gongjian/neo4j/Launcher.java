package gongjian.neo4j;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.PortBindException;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Starts Neo4j Community embedded, with Bolt on 127.0.0.1:PORT and its files in DATA_DIR.
 * Authentication is off because the server listens on loopback only. Prints the Bolt URI
 * once the default database answers, and shuts down cleanly on SIGTERM or Ctrl+C.
 *
 * <p>Usage: java -cp ... gongjian.neo4j.Launcher PORT DATA_DIR
 */
public final class Launcher {
    private static final String HOST = "127.0.0.1";

    private Launcher() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            fail("用法：Launcher 端口 数据目录（例如 Launcher 7687 data/neo4j）");
        }
        int port = parsePort(args[0]);
        Path dataDir = Path.of(args[1]).toAbsolutePath();
        refuseTakenPort(port);

        DatabaseManagementService dbms = start(dataDir, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Neo4j 正在停止……");
            dbms.shutdown();
            System.out.println("Neo4j 已停止。");
            stopped.countDown();
        }, "neo4j-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(120_000)) {
            dbms.shutdown();
            fail("Neo4j 两分钟内没有就绪，请查看 " + dataDir.resolve("logs"));
        }
        System.out.println("Neo4j 已就绪：bolt://" + HOST + ":" + port
                + "（数据目录 " + dataDir + "，仅本机可连，无需密码）");
        System.out.println("NEO4J_URI=bolt://" + HOST + ":" + port);
        System.out.flush();
        stopped.await();
    }

    private static DatabaseManagementService start(Path dataDir, int port) {
        try {
            return new DatabaseManagementServiceBuilder(dataDir)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, 256L * 1024 * 1024)
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .build();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof PortBindException) {
                    fail("端口 " + port + " 已被占用（" + HOST + "），请用 NEO4J_BOLT_PORT 换一个端口。");
                }
            }
            fail("Neo4j 启动失败：" + e.getMessage() + "；请查看 " + dataDir.resolve("logs"));
            throw e;
        }
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        fail("端口必须是 1 到 65535 之间的整数，收到的是：" + text);
        return -1;
    }

    private static void refuseTakenPort(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            fail("端口 " + port + " 已被占用（" + HOST + "），请用 NEO4J_BOLT_PORT 换一个端口，"
                    + "或先停止占用它的程序。");
        }
    }

    private static void fail(String message) {
        System.err.println("错误：" + message);
        System.exit(2);
    }
}
