package io.github.binancejdbc.jdbc.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A read-only, forward-only {@link ResultSet} over rows held in memory, for metadata answers the
 * driver builds itself (procedures, keys, filtered schemas). Getters convert as JDBC drivers
 * usually do: numbers between numeric types, anything to a string.
 */
public final class RowsResultSet {
  private RowsResultSet() {}

  /** A column: label and {@link Types} code. */
  public record Column(String name, int type) {}

  public static ResultSet of(List<Column> columns, List<Object[]> rows) {
    return Dispatch.proxy(ResultSet.class, new Handler(columns, new ArrayList<>(rows)));
  }

  /** Columns from names, all VARCHAR unless listed in {@code types} ({@code name:TYPE}). */
  public static List<Column> columns(String... spec) {
    List<Column> out = new ArrayList<>();
    for (String s : spec) {
      int colon = s.indexOf(':');
      if (colon < 0) {
        out.add(new Column(s, Types.VARCHAR));
      } else {
        String t = s.substring(colon + 1);
        int type =
            switch (t) {
              case "INT" -> Types.INTEGER;
              case "SMALLINT" -> Types.SMALLINT;
              case "BIGINT" -> Types.BIGINT;
              case "BOOLEAN" -> Types.BOOLEAN;
              default -> throw new IllegalArgumentException(t);
            };
        out.add(new Column(s.substring(0, colon), type));
      }
    }
    return out;
  }

  private static final class Handler implements InvocationHandler {
    private final List<Column> columns;
    private final List<Object[]> rows;
    private int index = -1;
    private boolean closed;
    private boolean wasNull;

    Handler(List<Column> columns, List<Object[]> rows) {
      this.columns = columns;
      this.rows = rows;
    }

    private static final Dispatch<Handler> IDENTITY =
        new Dispatch<Handler>(ResultSet.class)
            .identity(h -> "RowsResultSet" + h.columns, h -> null);

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      Dispatch.Op<Handler> identity = IDENTITY.find(method);
      if (identity != null) {
        return identity.apply(this, proxy, method, args);
      }
      switch (name) {
        case "close":
          closed = true;
          return null;
        case "isClosed":
          return closed;
        default:
          break;
      }
      if (closed) {
        throw new SQLException("ResultSet is closed", "24000");
      }
      switch (name) {
        case "next":
          index++;
          return index < rows.size();
        case "isBeforeFirst":
          return index < 0 && !rows.isEmpty();
        case "isAfterLast":
          return index >= rows.size() && !rows.isEmpty();
        case "isFirst":
          return index == 0;
        case "isLast":
          return index == rows.size() - 1;
        case "getRow":
          return index >= 0 && index < rows.size() ? index + 1 : 0;
        case "wasNull":
          return wasNull;
        case "getMetaData":
          return metaData();
        case "findColumn":
          return find((String) args[0]);
        case "getType":
          return ResultSet.TYPE_FORWARD_ONLY;
        case "getConcurrency":
          return ResultSet.CONCUR_READ_ONLY;
        case "getFetchDirection":
          return ResultSet.FETCH_FORWARD;
        case "getFetchSize":
          return 0;
        case "setFetchSize":
        case "setFetchDirection":
          return null;
        case "getStatement":
        case "getWarnings":
          return null;
        case "clearWarnings":
          return null;
        case "getHoldability":
          return ResultSet.CLOSE_CURSORS_AT_COMMIT;
        default:
          break;
      }
      if (name.startsWith("get") && args != null && args.length >= 1) {
        int col = args[0] instanceof Integer i ? i : find((String) args[0]);
        Object v = value(col);
        return convert(
            v, name.substring(3), args.length == 2 && args[1] instanceof Class<?> c ? c : null);
      }
      throw new SQLFeatureNotSupportedException(
          name + " is not supported on a metadata result" + " set", "0A000");
    }

    private int find(String label) throws SQLException {
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i).name().equalsIgnoreCase(label)) {
          return i + 1;
        }
      }
      throw new SQLException("No column " + label, "42703");
    }

    private Object value(int col) throws SQLException {
      if (index < 0 || index >= rows.size()) {
        throw new SQLException("No current row", "24000");
      }
      if (col < 1 || col > columns.size()) {
        throw new SQLException("Column index out of range: " + col, "42703");
      }
      Object v = rows.get(index)[col - 1];
      wasNull = v == null;
      return v;
    }

    private static Object convert(Object v, String getter, Class<?> type) throws SQLException {
      switch (getter) {
        case "String":
        case "NString":
          return v == null ? null : v.toString();
        case "Int":
          return v == null ? 0 : ((Number) v).intValue();
        case "Short":
          return v == null ? (short) 0 : ((Number) v).shortValue();
        case "Long":
          return v == null ? 0L : ((Number) v).longValue();
        case "Byte":
          return v == null ? (byte) 0 : ((Number) v).byteValue();
        case "Double":
          return v == null ? 0d : ((Number) v).doubleValue();
        case "Float":
          return v == null ? 0f : ((Number) v).floatValue();
        case "Boolean":
          return v != null && (v instanceof Boolean b ? b : ((Number) v).intValue() != 0);
        case "BigDecimal":
          return v == null ? null : new BigDecimal(v.toString());
        case "Object":
          if (type == null || v == null || type.isInstance(v)) {
            return v;
          }
          if (type == String.class) {
            return v.toString();
          }
          if (type == Integer.class) {
            return ((Number) v).intValue();
          }
          if (type == Long.class) {
            return ((Number) v).longValue();
          }
          throw new SQLException("Cannot convert " + v + " to " + type.getName(), "22018");
        default:
          throw new SQLFeatureNotSupportedException(
              "get" + getter + " is not supported on a" + " metadata result set", "0A000");
      }
    }

    private ResultSetMetaData metaData() {
      return Dispatch.proxy(
          ResultSetMetaData.class,
          (p, m, a) -> {
            String n = m.getName();
            if (n.equals("getColumnCount")) {
              return columns.size();
            }
            if (n.equals("unwrap")) {
              return p;
            }
            if (n.equals("isWrapperFor")) {
              return ((Class<?>) a[0]).isInstance(p);
            }
            if (n.equals("toString") || n.equals("hashCode") || n.equals("equals")) {
              try {
                return m.invoke(columns, a);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }
            Column c = columns.get((Integer) a[0] - 1);
            return switch (n) {
              case "getColumnName", "getColumnLabel" -> c.name();
              case "getColumnType" -> c.type();
              case "getColumnTypeName" -> typeName(c.type());
              case "getColumnClassName" ->
                  c.type() == Types.VARCHAR
                      ? "java.lang.String"
                      : c.type() == Types.BOOLEAN
                          ? "java.lang.Boolean"
                          : c.type() == Types.BIGINT
                              ? "java.lang.Long"
                              : c.type() == Types.SMALLINT
                                  ? "java.lang.Short"
                                  : "java.lang.Integer";
              case "isNullable" -> ResultSetMetaData.columnNullable;
              case "getPrecision", "getScale" -> 0;
              case "getColumnDisplaySize" -> 128;
              case "getSchemaName", "getTableName", "getCatalogName" -> "";
              case "isAutoIncrement",
                  "isCaseSensitive",
                  "isCurrency",
                  "isSigned",
                  "isWritable",
                  "isDefinitelyWritable" ->
                  false;
              case "isSearchable", "isReadOnly" -> true;
              default -> throw new SQLFeatureNotSupportedException(n);
            };
          });
    }

    private static String typeName(int type) {
      String name =
          switch (type) {
            case Types.INTEGER -> "INTEGER";
            case Types.SMALLINT -> "SMALLINT";
            case Types.BIGINT -> "BIGINT";
            case Types.BOOLEAN -> "BOOLEAN";
            default -> "VARCHAR";
          };
      return name.toUpperCase(Locale.ROOT);
    }
  }

  /** Reads a result set fully into rows (metadata answers are small). */
  public static List<Object[]> readAll(ResultSet rs) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    int n = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      Object[] row = new Object[n];
      for (int i = 0; i < n; i++) {
        row[i] = rs.getObject(i + 1);
      }
      rows.add(row);
    }
    rs.close();
    return rows;
  }

  /** The columns of a result set, by label and type. */
  public static List<Column> columnsOf(ResultSet rs) throws SQLException {
    List<Column> out = new ArrayList<>();
    ResultSetMetaData md = rs.getMetaData();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      out.add(new Column(md.getColumnLabel(i), md.getColumnType(i)));
    }
    return out;
  }
}
