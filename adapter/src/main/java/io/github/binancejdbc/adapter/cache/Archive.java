package io.github.binancejdbc.adapter.cache;

import static java.util.Objects.requireNonNull;

import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.SqlState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.StringDataType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closed history on disk, kept across processes: one H2 MVStore file, {@value #FILE}, in the
 * directory the {@code archive} property names. MVStore rather than an H2 database: the archive is
 * a sorted key-value map (series and start key to a segment), which MVStore is, without SQL, a
 * schema or a second JDBC driver in the process.
 *
 * <p>A key is the base URL, the series and the segment's start; a value is a segment as {@link
 * RowCodec} writes it, with its checksum. The {@code meta} map holds {@value #STAMP} = {@value
 * #FORMAT}, the version of this layout: an older archive is emptied and rebuilt, a newer one or a
 * file that is not an archive is refused with a clear error, and a damaged record is dropped and
 * fetched again, so a file never yields wrong rows.
 *
 * <p>One process holds the file (MVStore locks it). In a JVM the connections naming one directory
 * share one open archive; another process that finds the file locked works from memory only and
 * says so in one WARN line.
 */
public final class Archive {
  private static final Logger LOG = LoggerFactory.getLogger(Archive.class);

  static final String FILE = "binance-jdbc-archive.mv.db";
  static final String STAMP = "binance-jdbc-archive-format";
  static final int FORMAT = 1;

  /** Open archives by file, with how many connections use each. */
  private static final Map<Path, Archive> OPEN = new HashMap<>();

  private final Path file;
  private final MVStore store;
  private final MVMap<String, byte[]> segments;
  private int users;

  private Archive(Path file, MVStore store) {
    this.file = file;
    this.store = store;
    this.segments =
        store.openMap(
            "segments",
            new MVMap.Builder<String, byte[]>()
                .keyType(StringDataType.INSTANCE)
                .valueType(ByteArrayDataType.INSTANCE));
  }

  /**
   * The archive in {@code directory} (made if missing), shared with the other connections of this
   * JVM that use it; null when another process holds it (one WARN line says so, and the connection
   * works from memory).
   *
   * @throws BinanceException (22023) when the directory cannot be made or its file is not an
   *     archive of this driver, is damaged, or was written by a newer version
   */
  public static @Nullable Archive open(String directory) {
    requireNonNull(directory, "directory is null");
    Path dir = Path.of(directory).toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException | SecurityException e) {
      throw refused(dir, "cannot be made: " + e.getMessage(), e);
    }
    Path file = dir.resolve(FILE);
    synchronized (OPEN) {
      Archive a = OPEN.get(file);
      if (a == null) {
        MVStore store = openStore(file);
        if (store == null) {
          return null;
        }
        a = new Archive(file, store);
        OPEN.put(file, a);
      }
      a.users++;
      return a;
    }
  }

  private static @Nullable MVStore openStore(Path file) {
    MVStore store;
    try {
      store = new MVStore.Builder().fileName(file.toString()).compress().open();
    } catch (MVStoreException e) {
      if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
        LOG.warn(
            "The archive {} is in use by another process: this connection keeps history in"
                + " memory only",
            file);
        return null;
      }
      throw refused(
          file,
          "is not a binance-jdbc archive or is damaged ("
              + e.getMessage()
              + "): delete it to start a new archive, or name another directory",
          e);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw refused(
          file,
          "cannot be opened ("
              + e.getMessage()
              + "): delete it to start a new"
              + " archive, or name another directory",
          e);
    }
    try {
      checkFormat(file, store);
    } catch (RuntimeException e) {
      store.closeImmediately();
      throw e;
    }
    return store;
  }

  /** Stamps a new file; rebuilds an older format; refuses a newer one or a foreign file. */
  private static void checkFormat(Path file, MVStore store) {
    Set<String> names = store.getMapNames();
    if (!names.isEmpty() && !names.contains("meta")) {
      throw refused(
          file,
          "is an H2 file but not a binance-jdbc archive (its maps are "
              + names
              + "): delete it or name another directory",
          null);
    }
    MVMap<String, String> meta = store.openMap("meta", stringMap());
    String stamp = meta.get(STAMP);
    if (stamp == null) {
      if (!names.isEmpty()) {
        throw refused(
            file,
            "is an H2 file but not a binance-jdbc archive (no format stamp):"
                + " delete it or name another directory",
            null);
      }
      meta.put(STAMP, Integer.toString(FORMAT));
      store.commit();
      return;
    }
    int format;
    try {
      format = Integer.parseInt(stamp);
    } catch (NumberFormatException e) {
      throw refused(
          file,
          "has an unknown format stamp '" + stamp + "': delete it or name" + " another directory",
          e);
    }
    if (format > FORMAT) {
      throw refused(
          file,
          "was written in archive format "
              + format
              + " by a newer binance-jdbc;"
              + " this version reads format "
              + FORMAT
              + ": upgrade, or name another directory",
          null);
    }
    if (format < FORMAT) {
      LOG.warn(
          "The archive {} is in the older format {}: it is emptied and rebuilt in format {}",
          file,
          format,
          FORMAT);
      for (String name : store.getMapNames()) {
        if (!name.equals("meta")) {
          store.removeMap(name);
        }
      }
      meta.put(STAMP, Integer.toString(FORMAT));
      store.commit();
    }
  }

  static MVMap.Builder<String, String> stringMap() {
    return new MVMap.Builder<String, String>()
        .keyType(StringDataType.INSTANCE)
        .valueType(StringDataType.INSTANCE);
  }

  private static BinanceException refused(Path path, String why, @Nullable Throwable cause) {
    return new BinanceException(
        SqlState.INVALID_PARAMETER_VALUE, 0, "The archive " + path + " " + why, cause);
  }

  /** The file this archive lives in. */
  public Path file() {
    return file;
  }

  /** The segment of {@code series} holding key {@code key}, or null; a damaged one is dropped. */
  @Nullable Segment covering(String series, long key) {
    String prefix = series + '\0';
    String k = segments.floorKey(prefix + hex(key));
    if (k == null || !k.startsWith(prefix)) {
      return null;
    }
    byte[] bytes = segments.get(k);
    if (bytes == null) {
      return null;
    }
    Segment s;
    try {
      s = RowCodec.decode(bytes);
    } catch (IllegalArgumentException damaged) {
      LOG.warn(
          "A damaged record in the archive {} is dropped and fetched again: {}",
          file,
          damaged.getMessage());
      segments.remove(k);
      return null;
    }
    return s.to() >= key ? s : null;
  }

  /** The first key after {@code key} where a segment of {@code series} starts; MAX if none. */
  long nextStart(String series, long key) {
    if (key == Long.MAX_VALUE) {
      return Long.MAX_VALUE;
    }
    String prefix = series + '\0';
    String k = segments.higherKey(prefix + hex(key));
    if (k == null || !k.startsWith(prefix)) {
      return Long.MAX_VALUE;
    }
    return unhex(k.substring(prefix.length()));
  }

  /** Keeps {@code s}, which the caller has cut to keys the archive does not hold yet. */
  void put(String series, Segment s) {
    byte[] bytes = RowCodec.encode(s);
    if (bytes != null) {
      segments.put(series + '\0' + hex(s.from()), bytes);
    }
  }

  /** Releases this connection's use; the last one closes the file (written to disk). */
  public void release() {
    synchronized (OPEN) {
      if (--users > 0) {
        return;
      }
      OPEN.remove(file);
      // Under the lock: a connection opening the archive now must not find the file locked.
      store.close();
    }
  }

  /** A key as 16 hex digits that sort as the signed longs do. */
  static String hex(long key) {
    return String.format(Locale.ROOT, "%016x", key ^ Long.MIN_VALUE);
  }

  private static long unhex(String s) {
    return Long.parseUnsignedLong(s, 16) ^ Long.MIN_VALUE;
  }
}
