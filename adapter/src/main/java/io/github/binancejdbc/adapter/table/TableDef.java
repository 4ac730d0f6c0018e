package io.github.binancejdbc.adapter.table;

import static java.util.Objects.requireNonNull;

import io.github.binancejdbc.adapter.client.Param;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one column registry of a table: name, description, endpoint, columns, and which columns the
 * scan can deliver sorted (the API's natural order, ascending and descending).
 */
public final class TableDef {
  private final String name;
  private final String remarks;
  private final String endpoint;
  private final List<ColumnDef> columns;
  private final List<String> sortColumns;
  private final boolean limitPushable;
  private final List<String> primaryKey;
  private final Set<String> defaultedKeys;
  private final int weight;
  private final boolean signed;

  private TableDef(Builder b) {
    this.weight = b.weight;
    this.signed = b.signed;
    this.defaultedKeys = Set.copyOf(b.defaultedKeys);

    this.name = b.name;
    this.remarks = b.remarks;
    this.endpoint = b.endpoint;
    this.columns = List.copyOf(b.resolvedColumns());
    Set<String> seen = new HashSet<>();
    for (ColumnDef c : columns) {
      if (!seen.add(c.name())) {
        throw new IllegalArgumentException(
            "table " + name + ": column " + c.name() + " is declared twice");
      }
    }
    this.sortColumns = List.copyOf(b.sortColumns);
    this.limitPushable = b.limitPushable;
    this.primaryKey = List.copyOf(b.primaryKey);
    for (String s : sortColumns) {
      index(s);
    }
    for (String k : primaryKey) {
      index(k);
    }
    for (String k : defaultedKeys) {
      index(k);
    }
  }

  public static Builder builder(String name, String endpoint, String remarks) {
    return new Builder(name, endpoint, remarks);
  }

  public String name() {
    return name;
  }

  public String remarks() {
    return remarks;
  }

  /** The endpoint(s), e.g. {@code GET /api/v3/klines}. */
  public String endpoint() {
    return endpoint;
  }

  public List<ColumnDef> columns() {
    return columns;
  }

  public ColumnDef column(int i) {
    return columns.get(i);
  }

  /** Columns whose order the scan can deliver (ascending or descending) without a sort. */
  public List<String> sortColumns() {
    return sortColumns;
  }

  /** Whether a LIMIT directly above the scan lets the scan ask for fewer rows. */
  public boolean limitPushable() {
    return limitPushable;
  }

  /** The columns that identify a row (for {@code DatabaseMetaData.getPrimaryKeys}). */
  public List<String> primaryKey() {
    return primaryKey;
  }

  /**
   * Whether {@code column} is an optional key that stands for one default value when the query does
   * not name one (klines' {@code time_zone} is {@code '0'}), rather than for every value.
   */
  public boolean hasDefault(String column) {
    return defaultedKeys.contains(column);
  }

  /** The weight of one request to the table's endpoint, as EXPLAIN shows it by default. */
  public int weight() {
    return weight;
  }

  /** Whether the table's requests are signed (EXPLAIN shows the signature parameters). */
  public boolean signed() {
    return signed;
  }

  public int index(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column " + column + " in " + name);
  }

  /** Table remarks as tools show them, naming the required keys. */
  public String fullRemarks() {
    List<String> keys = new ArrayList<>();
    for (ColumnDef c : columns) {
      if (c.pushdown() == Pushdown.KEY) {
        keys.add(c.name());
      }
    }
    String r = remarks + " (" + endpoint + ")";
    if (!keys.isEmpty()) {
      r += ". Requires WHERE " + String.join(" and ", keys).toLowerCase(Locale.ROOT);
    }
    return r;
  }

  /** Builder. */
  public static final class Builder {
    private final String name;
    private final String endpoint;
    private final String remarks;
    private final List<ColumnDef> columns = new ArrayList<>();
    private final List<String> sortColumns = new ArrayList<>();
    private boolean limitPushable;
    private boolean fieldsByName;
    private int weight;
    private boolean signed;
    private final List<String> primaryKey = new ArrayList<>();
    private final Set<String> defaultedKeys = new HashSet<>();

    private Builder(String name, String endpoint, String remarks) {
      this.name = requireNonNull(name, "name is null");
      this.endpoint = requireNonNull(endpoint, "endpoint is null");
      this.remarks = requireNonNull(remarks, "remarks is null");
    }

    public Builder column(ColumnDef c) {
      columns.add(c);
      return this;
    }

    /**
     * Adds the columns of a block of lines, one column a line: {@code name TYPE kind description},
     * see {@link ColumnBlock}.
     *
     * @throws IllegalArgumentException naming the table and line of a malformed line
     */
    public Builder columns(String block) {
      return columns(block, Map.of());
    }

    /** As {@link #columns(String)}, with the pushdowns the block names {@code $name}. */
    public Builder columns(String block, Map<String, Pushdown> pushdowns) {
      columns.addAll(ColumnBlock.parse(name, block, pushdowns));
      return this;
    }

    public Builder sortable(String... cols) {
      sortColumns.addAll(List.of(cols));
      return this;
    }

    public Builder primaryKey(String... cols) {
      primaryKey.addAll(List.of(cols));
      return this;
    }

    /** Marks optional keys that mean one default value when absent (see {@link #hasDefault}). */
    public Builder defaulted(String... cols) {
      defaultedKeys.addAll(List.of(cols));
      return this;
    }

    public Builder limitPushable() {
      limitPushable = true;
      return this;
    }

    /**
     * The table's rows are JSON objects whose fields are named as its columns in camel case ({@code
     * transact_time} is {@code transactTime}): a column without a {@code :field} in its block reads
     * that field; {@code name:-} marks a column that is not read from the object.
     */
    public Builder fieldsByName() {
      fieldsByName = true;
      return this;
    }

    /** See {@link TableDef#weight()}. */
    public Builder weight(int weight) {
      this.weight = weight;
      return this;
    }

    /** See {@link TableDef#signed()}. */
    public Builder signed() {
      this.signed = true;
      return this;
    }

    public TableDef build() {
      return new TableDef(this);
    }

    /** The columns, each with the JSON field it reads ({@link #fieldsByName()}, {@code name:-}). */
    private List<ColumnDef> resolvedColumns() {
      List<ColumnDef> out = new ArrayList<>();
      for (ColumnDef c : columns) {
        String field = c.jsonField();
        if (field == null && fieldsByName) {
          field = Param.apiName(c.name());
        } else if ("-".equals(field)) {
          field = null;
        }
        out.add(
            Objects.equals(field, c.jsonField())
                ? c
                : new ColumnDef(
                    c.name(), c.type(), c.nullable(), c.pushdown(), c.remarks(), field));
      }
      return out;
    }
  }
}
