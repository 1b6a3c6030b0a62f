package io.tollgate.dataplane.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database the MySQL tests share: a real MariaDB of the test class's own, started before its tests and stopped
 * after them (register it as a static {@code @RegisterExtension} field), holding {@code shop.orders (1,
 * 'tollgate')}; and the query the tests run against it.
 */
public final class ShopDatabase implements BeforeAllCallback, AfterAllCallback {
    private MariaDbServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, InterruptedException {
        server = MariaDbServer.start();
        server.sql("CREATE DATABASE shop; CREATE TABLE shop.orders (id INT PRIMARY KEY, item VARCHAR(40));"
                + "INSERT INTO shop.orders VALUES (1, 'tollgate');");
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException, InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    public InetSocketAddress address() {
        return server.address();
    }

    public int port() {
        return server.port();
    }

    /** A JDBC connection to {@code shop} through whatever listens at {@code address}. */
    public static Connection jdbc(InetSocketAddress address) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://" + address.getAddress().getHostAddress() + ":"
                + address.getPort() + "/shop?user=root&connectTimeout=30000");
    }

    /** The item of order 1: {@code tollgate} when the query went through. */
    public static String item(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT item FROM orders WHERE id = 1")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
