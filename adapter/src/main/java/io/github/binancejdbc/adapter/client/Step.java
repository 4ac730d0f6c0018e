package io.github.binancejdbc.adapter.client;

import java.io.IOException;
import java.util.List;

/**
 * One step of sending a request, in the spirit of OkHttp's interceptors: it may act on the {@link
 * Call} before passing it on, and on the {@link Reply} (or the I/O failure) on the way back. A step
 * ends the call by throwing a {@link io.github.binancejdbc.adapter.error.BinanceException}, or asks
 * for another attempt by throwing {@link Retry}. {@link BinanceHttp} lists the steps in order.
 */
@FunctionalInterface
interface Step {
  Reply proceed(Call call, Chain next) throws IOException;

  /** A step that only acts on what came back. */
  @FunctionalInterface
  interface OnReply extends Step {
    /** Returns {@code reply} (or throws) once the later steps are done. */
    Reply onReply(Call call, Reply reply);

    @Override
    default Reply proceed(Call call, Chain next) throws IOException {
      return onReply(call, next.proceed(call));
    }
  }

  /** The steps after the current one. Immutable: a step may proceed more than once. */
  final class Chain {
    private final List<Step> steps;
    private final int index;

    private Chain(List<Step> steps, int index) {
      this.steps = steps;
      this.index = index;
    }

    /** A chain that runs {@code steps} in order; the last one must not proceed. */
    static Chain of(List<Step> steps) {
      return new Chain(List.copyOf(steps), 0);
    }

    static Chain of(Step... steps) {
      return of(List.of(steps));
    }

    Reply proceed(Call call) throws IOException {
      if (index >= steps.size()) {
        throw new IllegalStateException("the last step must answer, not proceed");
      }
      return steps.get(index).proceed(call, new Chain(steps, index + 1));
    }
  }
}
