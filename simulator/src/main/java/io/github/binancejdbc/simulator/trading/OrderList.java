package io.github.binancejdbc.simulator.trading;

import java.util.ArrayList;
import java.util.List;

/** An order list (OCO, OTO, OTOCO, OPO, OPOCO). Guarded by the {@link Exchange} lock. */
public final class OrderList {
  /** How the legs depend on each other. */
  public enum Kind {
    OCO,
    OTO,
    OTOCO,
    OPO,
    OPOCO
  }

  public final long id;
  public final Kind kind;
  public final String symbol;
  public final Account account;
  public final String listClientOrderId;
  public final long transactionTime;
  public final List<Order> orders = new ArrayList<>();
  public String listStatusType = "EXEC_STARTED";
  public String listOrderStatus = "EXECUTING";
  public long updateTime;

  OrderList(
      long id, Kind kind, String symbol, Account account, String listClientOrderId, long time) {
    this.id = id;
    this.kind = kind;
    this.symbol = symbol;
    this.account = account;
    this.listClientOrderId = listClientOrderId;
    this.transactionTime = time;
    this.updateTime = time;
  }

  /** {@code OCO} or {@code OTO} (OTOCO, OPO and OPOCO are reported as OTO). */
  public String contingencyType() {
    return kind == Kind.OCO ? "OCO" : "OTO";
  }

  public boolean isOpen() {
    return !"ALL_DONE".equals(listStatusType);
  }

  void finishIfDone(long now) {
    for (Order o : orders) {
      if (o.status.isOpen()) {
        return;
      }
    }
    listStatusType = "ALL_DONE";
    listOrderStatus = "ALL_DONE";
    updateTime = now;
  }
}
