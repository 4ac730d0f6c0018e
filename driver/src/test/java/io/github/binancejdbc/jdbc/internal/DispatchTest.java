package io.github.binancejdbc.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class DispatchTest {
  @Test
  void aMisspeltMethodFailsWhenTheTableIsBuilt() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> new Dispatch<Object>(Connection.class).on("isReadonly", (h, p, m, a) -> true));
    assertEquals("Connection has no method isReadonly", e.getMessage());
    assertThrows(
        IllegalStateException.class,
        () ->
            new Dispatch<Object>(Statement.class)
                .on("setMaxRows", new Class<?>[] {long.class}, (h, p, m, a) -> null));
  }

  @Test
  void operationsAreFoundForEveryOverloadAndInheritedMethod() throws Exception {
    Dispatch<Object> d =
        new Dispatch<Object>(PreparedStatement.class)
            .on("setObject", (h, p, m, a) -> "object")
            .on("close", (h, p, m, a) -> "close");
    assertNotNull(d.find(PreparedStatement.class.getMethod("setObject", int.class, Object.class)));
    assertNotNull(
        d.find(PreparedStatement.class.getMethod("setObject", int.class, Object.class, int.class)));
    assertNotNull(d.find(Statement.class.getMethod("close")));
    assertNull(d.find(PreparedStatement.class.getMethod("getMaxRows")));
  }

  @Test
  void identityUnwrapsToTheProxyAndNeverToAStranger() throws SQLException {
    ResultSet rs = RowsResultSet.of(RowsResultSet.columns("A"), List.of());
    assertEquals(rs, rs);
    assertEquals(System.identityHashCode(rs), rs.hashCode());
    assertEquals("RowsResultSet[Column[name=A, type=12]]", rs.toString());
    assertEquals(rs, rs.unwrap(ResultSet.class));
    SQLException e = assertThrows(SQLException.class, () -> rs.unwrap(Connection.class));
    assertEquals("Not a wrapper for java.sql.Connection", e.getMessage());
  }
}
