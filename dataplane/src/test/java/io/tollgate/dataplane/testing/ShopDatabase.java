package io.tollgate.dataplane.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The database the MySQL tests share: a real MariaDB holding {@code shop.orders (1, 'tollgate')}, and its query. */
public final class ShopDatabase {
    private ShopDatabase() {
    }

    /** A MariaDB of the test's own, with the table; the caller closes it. */
    public static MariaDbServer start() throws IOException, InterruptedException {
        MariaDbServer mariadb = MariaDbServer.start();
        mariadb.sql("CREATE DATABASE shop; CREATE TABLE shop.orders (id INT PRIMARY KEY, item VARCHAR(40));"
                + "INSERT INTO shop.orders VALUES (1, 'tollgate');");
        return mariadb;
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
