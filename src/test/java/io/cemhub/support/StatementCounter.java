package io.cemhub.support;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A data source that writes down the SQL of every statement its connections prepare or create (before it
 * runs), so that a test can count the round trips a piece of code makes. {@link #reset()} forgets them.
 */
public final class StatementCounter extends DelegatingDataSource {

    private final List<String> statements = new CopyOnWriteArrayList<>();

    public StatementCounter(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return counting(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return counting(super.getConnection(username, password));
    }

    /** The statements seen since the last reset, in order. */
    public List<String> statements() {
        return List.copyOf(statements);
    }

    /** How many of them contain {@code fragment} (case-insensitive). */
    public long count(String fragment) {
        String f = fragment.toLowerCase();
        return statements.stream().filter(s -> s.toLowerCase().contains(f)).count();
    }

    public void reset() {
        statements.clear();
    }

    private Connection counting(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if ((name.equals("prepareStatement") || name.equals("prepareCall")) && args != null && args[0] instanceof String sql) {
                statements.add(sql);
            } else if (name.equals("createStatement")) {
                statements.add("<statement>");
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }
}
