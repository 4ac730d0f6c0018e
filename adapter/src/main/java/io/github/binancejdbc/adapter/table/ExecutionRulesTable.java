package io.github.binancejdbc.adapter.table;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.binancejdbc.adapter.client.EndpointWeights;
import io.github.binancejdbc.adapter.client.Param;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code execution_rules} ({@code GET /api/v3/executionRules}): one row per symbol and rule. The
 * API takes one of {@code symbol}, {@code symbols} or {@code symbolStatus}: a status is pushed as
 * {@code symbolStatus} (the symbols asked for then filter its rows), else the symbols go as {@code
 * symbol} or {@code symbols} in chunks of 20 (2 weight each, 40 at most), else all symbols (40).
 */
public final class ExecutionRulesTable extends BinanceTable {
  /** 20 symbols weigh 40, as much as every symbol: larger chunks would not be cheaper. */
  static final int CHUNK = 20;

  private final Json.Fields rule;
  private final int statusSlot;
  private final int symbolSlot;

  public ExecutionRulesTable(BinanceContext ctx) {
    super(
        TableDef.builder(
                "execution_rules",
                "GET /api/v3/executionRules",
                "Execution rules, such"
                    + " as the price range a limit order must keep around the reference price")
            .fieldsByName()
            .columns(
                """
                symbol:-             VARCHAR  optional-key  Trading pair, e.g. BTCUSDT
                rule_type            VARCHAR  plain         Rule type, e.g. PRICE_RANGE
                bid_limit_mult_up    DECIMAL  nullable      A bid's price may be at most the
                                                            reference price times this
                bid_limit_mult_down  DECIMAL  nullable      A bid's price must be at least the
                                                            reference price times this
                ask_limit_mult_up    DECIMAL  nullable      An ask's price may be at most the
                                                            reference price times this
                ask_limit_mult_down  DECIMAL  nullable      An ask's price must be at least the
                                                            reference price times this
                symbol_status:-      VARCHAR  nullable,optional-key  The symbol status asked for
                                                            (TRADING, HALT or BREAK), sent as
                                                            symbolStatus; NULL when the query does
                                                            not filter on it
                """)
            .primaryKey("symbol", "rule_type")
            .weight(EndpointWeights.EXECUTION_RULES_ALL)
            .build(),
        ctx);
    this.rule = new Json.Fields(def);
    this.symbolSlot = def.index("symbol");
    this.statusSlot = def.index("symbol_status");
  }

  @Override
  protected List<RowStream> streams(ScanQuery q) {
    List<String> statuses = q.optional("symbol_status");
    List<String> symbols = q.optional("symbol");
    List<RowStream> streams = new ArrayList<>();
    if (statuses != null) {
      for (String status : statuses) {
        streams.add(
            RowStream.once(
                () ->
                    fetch(
                        q,
                        List.of(Param.of("symbolStatus", status)),
                        EndpointWeights.EXECUTION_RULES_ALL,
                        status)));
      }
    } else if (symbols == null) {
      streams.add(
          RowStream.once(() -> fetch(q, List.of(), EndpointWeights.EXECUTION_RULES_ALL, null)));
    } else {
      for (int i = 0; i < symbols.size(); i += CHUNK) {
        List<String> part = symbols.subList(i, Math.min(symbols.size(), i + CHUNK));
        Param param =
            part.size() == 1
                ? Param.of("symbol", part.get(0))
                : Param.of("symbols", TickerTable.jsonArray(part));
        streams.add(
            RowStream.once(
                () -> fetch(q, List.of(param), EndpointWeights.executionRules(part.size()), null)));
      }
    }
    return streams;
  }

  private List<Object[]> fetch(ScanQuery q, List<Param> params, int weight, String status) {
    return ctx.get(q, "/api/v3/executionRules", params, weight, p -> read(p, status));
  }

  /** {@code {"symbolRules":[{"symbol":"X","rules":[{...}, ...]}, ...]}}. */
  private List<Object[]> read(JsonParser p, String status) throws IOException {
    List<Object[]> rows = new ArrayList<>();
    Json.next(p, JsonToken.START_OBJECT);
    for (String field = Json.nextField(p); field != null; field = Json.nextField(p)) {
      if (!field.equals("symbolRules")) {
        p.skipChildren();
        continue;
      }
      Json.expect(p, JsonToken.START_ARRAY);
      while (p.nextToken() == JsonToken.START_OBJECT) {
        String symbol = null;
        List<Object[]> ofSymbol = new ArrayList<>();
        for (String name = Json.nextField(p); name != null; name = Json.nextField(p)) {
          if (name.equals("symbol")) {
            symbol = p.getText();
          } else if (name.equals("rules")) {
            Json.expect(p, JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_OBJECT) {
              Object[] row = new Object[rule.width()];
              rule.readObject(p, row);
              row[statusSlot] = status;
              ofSymbol.add(row);
            }
          } else {
            p.skipChildren();
          }
        }
        for (Object[] row : ofSymbol) {
          row[symbolSlot] = symbol;
          rows.add(row);
        }
      }
    }
    return rows;
  }
}
