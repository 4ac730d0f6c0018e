package io.github.binancejdbc.jdbc;

import io.github.binancejdbc.adapter.BinanceSchema;
import io.github.binancejdbc.jdbc.internal.ConnectionSettings;
import io.github.binancejdbc.jdbc.internal.UrlParser;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.jspecify.annotations.NullMarked;

/**
 * Mounts the Binance schema from a Calcite model file, next to the user's other schemas: {@code
 * "factory": "io.github.binancejdbc.jdbc.BinanceSchemaFactory"}. The operand takes the driver's
 * connection properties ({@code baseUrl}, {@code apiKey}, {@code cacheSize}, ...), with the same
 * defaults and environment variables.
 */
@NullMarked
public final class BinanceSchemaFactory implements SchemaFactory {
  @Override
  public Schema create(SchemaPlus parentSchema, String name, Map<String, Object> operand) {
    Properties info = new Properties();
    operand.forEach((k, v) -> info.setProperty(k, String.valueOf(v)));
    try {
      Properties merged = UrlParser.parse(UrlParser.PREFIX, info, System.getenv());
      return new BinanceSchema(ConnectionSettings.config(merged));
    } catch (SQLException e) {
      throw new IllegalArgumentException(
          "schema '" + name + "': " + e.getMessage() + " (SQLState " + e.getSQLState() + ")", e);
    }
  }
}
