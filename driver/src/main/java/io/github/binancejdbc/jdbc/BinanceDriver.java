package io.github.binancejdbc.jdbc;

import io.github.binancejdbc.adapter.BinanceConfig;
import io.github.binancejdbc.adapter.BinanceSchema;
import io.github.binancejdbc.adapter.Version;
import io.github.binancejdbc.jdbc.internal.ConnectionSettings;
import io.github.binancejdbc.jdbc.internal.DriverPrepare;
import io.github.binancejdbc.jdbc.internal.JdbcProxies;
import io.github.binancejdbc.jdbc.internal.UrlParser;
import io.github.binancejdbc.jdbc.internal.Warmup;
import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Handler;
import org.apache.calcite.avatica.HandlerImpl;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.jdbc.BinanceMetaImpl;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalciteMetaColumnFactory;
import org.apache.calcite.jdbc.CalciteMetaColumnFactoryImpl;
import org.apache.calcite.jdbc.CalciteMetaTableFactory;
import org.apache.calcite.jdbc.CalciteMetaTableFactoryImpl;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.schema.SchemaPlus;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The JDBC driver for {@code jdbc:binance:} URLs. A connection is a Calcite connection whose root
 * schema holds the {@code binance} schema (the default), configured for BI tools, created when a
 * statement first needs it (a key lookup or history scan does not). Connecting sends no request;
 * the first request is made when rows are read.
 *
 * <pre>{@code
 * try (Connection c = DriverManager.getConnection("jdbc:binance:");
 *      ResultSet rs = c.createStatement().executeQuery(
 *          "SELECT open_time, close_price FROM klines"
 *              + " WHERE symbol = 'BTCUSDT' AND timeframe = '1d' ORDER BY open_time DESC LIMIT 7")) {
 *   ...
 * }
 * }</pre>
 */
@NullMarked
public final class BinanceDriver extends Driver {
  public static final String VERSION = Version.VERSION;

  static {
    // What a first connection and statement need (proxy classes, the JSON parser, caches) is
    // prepared now on a second thread, beside the caller's own set-up.
    Warmup.start();
    new BinanceDriver().register();
  }

  public BinanceDriver() {
    super();
  }

  @Override
  protected String getConnectStringPrefix() {
    return UrlParser.PREFIX;
  }

  @Override
  protected DriverVersion createDriverVersion() {
    return new DriverVersion(
        "binance-jdbc",
        VERSION,
        "Binance Spot API",
        "v3",
        true,
        Version.major(),
        Version.minor(),
        3,
        0);
  }

  /**
   * Calcite's handler would read a model file and define the tiles of lattices when a connection
   * opens; a Binance connection has neither (its one schema is added by {@link #connect}).
   */
  @Override
  protected Handler createHandler() {
    return new HandlerImpl();
  }

  /**
   * Calcite's {@link Meta} without its planner set-up per statement: see {@link BinanceMetaImpl}.
   */
  @Override
  public Meta createMeta(AvaticaConnection connection) {
    CalciteConnectionConfig config = (CalciteConnectionConfig) connection.config();
    return new BinanceMetaImpl(
        (CalciteConnection) connection,
        config.metaTableFactory(
            CalciteMetaTableFactory.class, CalciteMetaTableFactoryImpl.INSTANCE),
        config.metaColumnFactory(
            CalciteMetaColumnFactory.class, CalciteMetaColumnFactoryImpl.INSTANCE));
  }

  /** See {@link DriverPrepare}: lookups without the planner, the driver's planning otherwise. */
  @Override
  public CalcitePrepare createPrepare() {
    return new DriverPrepare();
  }

  @Override
  public boolean acceptsURL(String url) throws SQLException {
    return UrlParser.accepts(url);
  }

  @Override
  public @Nullable Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    Properties merged = UrlParser.parse(url, info, System.getenv());
    BinanceConfig config = ConnectionSettings.config(merged);
    Properties calciteProperties = ConnectionSettings.calciteProperties(merged);
    BinanceSchema schema;
    try {
      schema = new BinanceSchema(config);
    } catch (RuntimeException e) {
      throw JdbcProxies.translate(e);
    }
    // Calcite's connection is created when a statement first needs it: a prepared lookup does not.
    JdbcProxies.CalciteOpener opener =
        () -> {
          Connection calcite = super.connect(UrlParser.PREFIX, calciteProperties);
          try {
            CalciteConnection cc = calcite.unwrap(CalciteConnection.class);
            SchemaPlus root = cc.getRootSchema();
            root.add(BinanceSchema.NAME, schema);
            cc.setSchema(BinanceSchema.NAME);
            return calcite;
          } catch (RuntimeException | SQLException e) {
            calcite.close();
            throw JdbcProxies.translate(e);
          }
        };
    return JdbcProxies.connection(
        opener,
        ConnectionSettings.isDefault(calciteProperties),
        schema,
        UrlParser.displayUrl(merged),
        config.trading());
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    Properties merged =
        UrlParser.parse(url == null ? UrlParser.PREFIX : url, info, System.getenv());
    List<DriverPropertyInfo> list = new ArrayList<>();
    for (BinanceProperty p : BinanceProperty.values()) {
      String value = merged.getProperty(p.propertyName(), p.defaultValue());
      DriverPropertyInfo d =
          new DriverPropertyInfo(
              p.propertyName(), p.isSensitive() && value != null ? "****" : value);
      d.description = p.description();
      d.required = false;
      if (p.type().equals("boolean")) {
        d.choices = new String[] {"true", "false"};
      }
      list.add(d);
    }
    return list.toArray(new DriverPropertyInfo[0]);
  }
}
