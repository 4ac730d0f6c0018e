package io.github.binancejdbc.jdbc;

import io.github.binancejdbc.adapter.BinanceConfig;
import io.github.binancejdbc.adapter.BinanceSchema;
import io.github.binancejdbc.jdbc.internal.CallRewriter;
import io.github.binancejdbc.jdbc.internal.ConnectionSettings;
import io.github.binancejdbc.jdbc.internal.JdbcProxies;
import io.github.binancejdbc.adapter.Version;
import io.github.binancejdbc.adapter.rel.LongLimit;
import io.github.binancejdbc.jdbc.internal.MaxRows;
import io.github.binancejdbc.jdbc.internal.SimpleLookup;
import io.github.binancejdbc.jdbc.internal.UrlParser;
import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.lang.reflect.Type;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.MetadataHandlerProvider;
import org.apache.calcite.rel.metadata.ProxyingMetadataHandlerProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import java.util.regex.Pattern;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.interpreter.BindableConvention;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.Prepare.Materialization;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The JDBC driver for {@code jdbc:binance:} URLs. A connection is a Calcite connection whose root
 * schema holds the {@code binance} schema (the default), configured for BI tools. Connecting sends
 * no request; the first request is made when rows are read.
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
public final class BinanceDriver extends Driver {
  public static final String VERSION = Version.VERSION;

  static {
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
        "binance-jdbc", VERSION, "Binance Spot API", "v3", true, Version.major(), Version.minor(),
        3, 0);
  }

  /** Built on first planning: a lookup ({@link SimpleLookup}) never needs it. */
  private static final class Metadata {
    static final MetadataHandlerProvider PROVIDER =
        new ProxyingMetadataHandlerProvider(DefaultRelMetadataProvider.INSTANCE);
  }

  /**
   * Lets {@code CALL p(...)} and {@code {call p(...)}} run (see {@link CallRewriter}), plans a
   * statement's max rows as a LIMIT (see {@link MaxRows}) and reads timestamp strings once (see
   * {@code LiteralCastConvertlets}). Calcite makes one of these per statement it prepares.
   */
  @Override
  public CalcitePrepare createPrepare() {
    return new CalcitePrepareImpl() {
      private long maxRows;

      /** Timestamp strings are read once, when the statement is converted. */
      @Override
      protected org.apache.calcite.sql2rel.SqlRexConvertletTable createConvertletTable() {
        return io.github.binancejdbc.adapter.rel.LiteralCastConvertlets.INSTANCE;
      }

      @Override
      public <T> CalciteSignature<T> prepareSql(
          Context context, Query<T> query, Type elementType, long maxRowCount) {
        String rewritten;
        try {
          rewritten = CallRewriter.rewrite(query.sql);
        } catch (SQLFeatureNotSupportedException e) {
          throw new IllegalArgumentException(e.getMessage(), e);
        }
        maxRows = query.sql == null || EXPLAIN.matcher(query.sql).lookingAt()
            ? 0 : MaxRows.forStatement(maxRowCount);
        if (rewritten == null) {
          CalciteSignature<T> lookup = SimpleLookup.prepare(context, query.sql, maxRowCount, maxRows);
          if (lookup != null) {
            return lookup;
          }
        }
        return super.prepareSql(
            context, rewritten == null ? query : Query.of(rewritten), elementType, maxRowCount);
      }

      /**
       * Metadata through reflective proxies instead of handler classes that Janino compiles on
       * first use: that compilation was the largest single cost of the first statement.
       */
      @Override
      protected RelOptCluster createCluster(RelOptPlanner planner, RexBuilder rexBuilder) {
        RelOptCluster cluster = super.createCluster(planner, rexBuilder);
        cluster.setMetadataQuerySupplier(() -> new RelMetadataQuery(Metadata.PROVIDER));
        return cluster;
      }

      @Override
      protected CalcitePreparingStmt getPreparingStmt(Context context, Type elementType,
          CalciteCatalogReader catalogReader, RelOptPlanner planner) {
        JavaTypeFactory typeFactory = context.getTypeFactory();
        EnumerableRel.Prefer prefer = elementType == Object[].class
            ? EnumerableRel.Prefer.ARRAY : EnumerableRel.Prefer.CUSTOM;
        Convention convention =
            enableBindable ? BindableConvention.INSTANCE : EnumerableConvention.INSTANCE;
        long limit = maxRows;
        return new CalcitePreparingStmt(this, context, catalogReader, typeFactory,
            context.getRootSchema(), prefer,
            createCluster(planner, new RexBuilder(typeFactory)), convention,
            createConvertletTable()) {
          @Override
          protected RelRoot optimize(RelRoot root, List<Materialization> materializations,
              List<CalciteSchema.LatticeEntry> lattices) {
            return super.optimize(
                MaxRows.limit(LongLimit.rewrite(root), limit), materializations, lattices);
          }
        };
      }
    };
  }

  private static final Pattern EXPLAIN =
      Pattern.compile("\\s*explain\\b", Pattern.CASE_INSENSITIVE);

  @Override
  public boolean acceptsURL(String url) throws SQLException {
    return UrlParser.accepts(url);
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    Properties merged = UrlParser.parse(url, info, System.getenv());
    BinanceConfig config = ConnectionSettings.config(merged);
    Connection calcite = super.connect(UrlParser.PREFIX, ConnectionSettings.calciteProperties(merged));
    BinanceSchema schema;
    try {
      CalciteConnection cc = calcite.unwrap(CalciteConnection.class);
      schema = new BinanceSchema(config);
      SchemaPlus root = cc.getRootSchema();
      root.add(BinanceSchema.NAME, schema);
      cc.setSchema(BinanceSchema.NAME);
    } catch (RuntimeException | SQLException e) {
      calcite.close();
      throw JdbcProxies.translate(e);
    }
    return JdbcProxies.connection(
        calcite, schema, UrlParser.displayUrl(merged), config.trading());
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    Properties merged = UrlParser.parse(url == null ? UrlParser.PREFIX : url, info, System.getenv());
    List<DriverPropertyInfo> list = new ArrayList<>();
    for (BinanceProperty p : BinanceProperty.values()) {
      String value = merged.getProperty(p.propertyName(), p.defaultValue());
      DriverPropertyInfo d =
          new DriverPropertyInfo(p.propertyName(), p.isSensitive() && value != null ? "****"
              : value);
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
