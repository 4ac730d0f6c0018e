package io.github.binancejdbc.simulator.market;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Stateless, platform-independent pseudo-randomness: every number of the simulated market is a pure
 * function of (seed, symbol, domain, index), so any minute of any year can be generated on its own,
 * in any order, with the same result on every JVM. Transcendental functions go through {@link
 * StrictMath} for the same reason.
 */
public final class Rng {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Rng() {}

  /** SplitMix64's finaliser: a bijective 64-bit mixer with good avalanche. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  public static long hash(long a, long b) {
    return mix(a ^ mix(b + GOLDEN));
  }

  public static long hash(long a, long b, long c) {
    return hash(hash(a, b), c);
  }

  public static long hash(long a, long b, long c, long d) {
    return hash(hash(hash(a, b), c), d);
  }

  /** A double uniformly distributed in [0, 1). */
  public static double unit(long h) {
    return (h >>> 11) * 0x1.0p-53;
  }

  /** A standard normal variate (Box-Muller). */
  public static double gauss(long h) {
    double u1 = Math.max(unit(mix(h)), 0x1.0p-53);
    double u2 = unit(mix(h ^ GOLDEN));
    return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
  }

  /**
   * An approximately standard normal variate from four uniforms (Irwin-Hall): cheap, bounded by
   * ±3.46, good enough for minute-level noise that is evaluated millions of times.
   */
  public static double quickGauss(long h) {
    long a = mix(h);
    long b = mix(a + GOLDEN);
    double s = ((a >>> 32) + (a & 0xFFFFFFFFL) + (b >>> 32) + (b & 0xFFFFFFFFL)) * 0x1.0p-32 - 2.0;
    return s * 1.7320508075688772;
  }

  /** A 64-bit FNV-1a hash of the UTF-8 bytes of {@code s}. */
  public static long of(String s) {
    long h = 0xCBF29CE484222325L;
    for (byte b : s.getBytes(UTF_8)) {
      h ^= b & 0xFF;
      h *= 0x100000001B3L;
    }
    return mix(h);
  }

  /** A sequence of values derived from one starting hash (SplitMix64). */
  public static final class Stream {
    private long state;

    public Stream(long seed) {
      this.state = seed;
    }

    public long next() {
      state += GOLDEN;
      return mix(state);
    }

    public double unit() {
      return Rng.unit(next());
    }

    /** Uniform in [0, bound). */
    public int below(int bound) {
      return (int) (((next() >>> 32) * bound) >>> 32);
    }
  }
}
