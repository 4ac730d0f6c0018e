package io.github.binancejdbc.jdbc.internal;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The statements a connection made that are still open, closed with it: JDBC closes a connection's
 * statements (and so their result sets) when it is closed, which neither Avatica's connection nor a
 * lookup that never created it does. Held weakly, so a statement dropped unclosed is not kept.
 */
final class OpenStatements {
  private final Set<Statement> open = Collections.newSetFromMap(new WeakHashMap<>());

  synchronized Statement add(Statement s) {
    open.add(s);
    return s;
  }

  synchronized void remove(Statement s) {
    open.remove(s);
  }

  /** Closes them all; the first failure is thrown after every one was closed. */
  void closeAll() throws SQLException {
    List<Statement> all;
    synchronized (this) {
      all = new ArrayList<>(open);
      open.clear();
    }
    SQLException first = null;
    for (Statement s : all) {
      try {
        s.close();
      } catch (SQLException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
