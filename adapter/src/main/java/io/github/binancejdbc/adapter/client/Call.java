package io.github.binancejdbc.adapter.client;

import static java.util.Objects.requireNonNull;

import io.github.binancejdbc.adapter.client.BinanceHttp.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * One request as the caller asked for it, and the state of its current attempt, passed along the
 * {@link Step}s. Confined to the thread that sends it.
 */
final class Call {
  final Method method;
  final String path;
  final List<Param> query;
  final int weight;
  final BodyReader<?> reader;

  /** Only GETs are sent again after a failure whose outcome is unknown. */
  final boolean idempotent;

  /** Unfilled orders the request creates, for the order windows. */
  final int newOrders;

  final boolean signed;

  /** Whether the API key goes in the {@code X-MBX-APIKEY} header. */
  final boolean keyed;

  final Hosts route;
  final WeightGovernor governor;

  /** Counted attempts allowed in all. */
  final int maxAttempts;

  /** Hosts this call has been sent to. */
  final Set<String> tried = new HashSet<>();

  /** Whether the server time was measured again after a -1021 (done once per call). */
  boolean resynced;

  // The current attempt.
  int attempt;
  @Nullable List<Param> params;
  @Nullable String host;
  @Nullable Request request;

  /** When the request was sent (after the wait for weight), or -1 when it was not. */
  long sentAt = -1;

  /** The server's used-weight header of the answer, or -1. */
  long usedWeight = -1;

  @Nullable Integer status;
  @Nullable Integer rows;

  Call(
      Method method,
      String path,
      List<Param> query,
      int weight,
      BodyReader<?> reader,
      boolean signed,
      boolean keyed,
      Hosts route,
      WeightGovernor governor,
      int maxRetries) {
    this.method = requireNonNull(method, "method is null");
    this.path = requireNonNull(path, "path is null");
    this.query = List.copyOf(requireNonNull(query, "query is null"));
    this.weight = weight;
    this.reader = requireNonNull(reader, "reader is null");
    this.idempotent = method == Method.GET;
    this.newOrders = LimitLearner.newOrders(method, path);
    this.signed = signed;
    this.keyed = keyed;
    this.route = requireNonNull(route, "route is null");
    this.governor = requireNonNull(governor, "governor is null");
    this.maxAttempts = idempotent ? maxRetries + 1 : 1;
  }

  /** Forgets the previous attempt's state. */
  void startAttempt(int number) {
    attempt = number;
    params = null;
    host = null;
    request = null;
    sentAt = -1;
    usedWeight = -1;
    status = null;
    rows = null;
  }

  /** The attempt's parameters: set by {@link TimestampStep}, before every step that reads them. */
  List<Param> params() {
    return requireNonNull(params, "the attempt's parameters are not set yet");
  }

  /** The attempt's host: set by {@link HostStep}, before every step that reads it. */
  String host() {
    return requireNonNull(host, "the attempt's host is not chosen yet");
  }

  /** The attempt's request: set by {@link SignStep}, before the network sends it. */
  Request request() {
    return requireNonNull(request, "the attempt's request is not built yet");
  }

  /** {@code GET} etc. */
  String name() {
    return method.name();
  }
}
