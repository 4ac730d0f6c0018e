package io.github.binancejdbc.adapter.client;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for the request weight (and the order windows) on the call's governor before sending, and
 * once the headers are in tells it that the request is answered and what the server counted: the
 * used-weight and order-count headers, and the server's {@code Date}. Refusals before sending (a
 * ban, the day's order limit) end the call here, with nothing sent.
 */
final class GovernStep implements Step {
  // The transport's logger, the one the README names for the request log lines.
  private static final Logger LOG = LoggerFactory.getLogger(BinanceHttp.class);
  private static final String LEGACY_USED_WEIGHT_HEADER = "X-MBX-USED-WEIGHT";
  private static final String ORDER_COUNT_HEADER = "X-MBX-ORDER-COUNT-";

  private final Clock clock;

  GovernStep(Clock clock) {
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public Reply proceed(Call call, Chain next) throws IOException {
    WeightGovernor governor = call.governor;
    long window = governor.acquire(call.weight, call.newOrders);
    call.sentAt = clock.millis();
    Reply reply;
    try {
      reply = next.proceed(call);
    } catch (IOException e) {
      governor.done(call.weight, window);
      throw e;
    }
    governor.done(call.weight, window);
    call.usedWeight = feedUsedWeight(reply, governor, window);
    String dateText = reply.header("Date");
    if (dateText != null) {
      // Parsed once per distinct value: a scan reads many answers within one second.
      ServerDate last = lastDate;
      if (last == null || !last.text().equals(dateText)) {
        Long millis = HttpDate.imfFixdate(dateText);
        if (millis == null) {
          java.time.Instant date = reply.headers().getInstant("Date");
          millis = date == null ? null : date.toEpochMilli();
        }
        last = millis == null ? null : new ServerDate(dateText, millis);
        lastDate = last;
      }
      if (last != null) {
        governor.noteServerDate(last.millis());
      }
    }
    return reply;
  }

  /** A {@code Date} header and its time. */
  private record ServerDate(String text, long millis) {}

  private volatile @Nullable ServerDate lastDate;

  private static long feedUsedWeight(Reply reply, WeightGovernor governor, long window) {
    for (String name : reply.headers().names()) {
      if (name.regionMatches(true, 0, ORDER_COUNT_HEADER, 0, ORDER_COUNT_HEADER.length())) {
        try {
          governor.onOrderCountHeader(
              name.substring(ORDER_COUNT_HEADER.length()),
              Long.parseLong(reply.header(name, "").trim()));
        } catch (NumberFormatException e) {
          LOG.debug("Ignoring unparsable order-count header {}", name);
        }
      }
    }
    String value = reply.header(governor.usedWeightHeader());
    if (value == null && governor.windowMillis() == 60_000) {
      value = reply.header(LEGACY_USED_WEIGHT_HEADER);
    }
    if (value == null) {
      return -1;
    }
    try {
      long used = Long.parseLong(value.trim());
      governor.onUsedWeightHeader(used, window);
      return used;
    } catch (NumberFormatException e) {
      LOG.debug("Ignoring unparsable used-weight header: {}", value);
      return -1;
    }
  }
}
