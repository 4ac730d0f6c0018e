package io.github.binancejdbc.adapter.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * A segment as bytes for the archive: its range, key slot and rows (null, string, long, int,
 * boolean and exact decimal values), followed by a CRC-32 of everything before it, so that a
 * damaged record is seen as damaged and never read as rows.
 */
final class RowCodec {
  private static final byte NULL = 0;
  private static final byte STRING = 1;
  private static final byte LONG = 2;
  private static final byte DECIMAL = 3;
  private static final byte INT = 4;
  private static final byte BOOLEAN = 5;

  private RowCodec() {}

  /** The bytes of {@code s}, or null when a value is of a type the archive does not keep. */
  static byte @Nullable [] encode(Segment s) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + s.rows().size() * 128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(s.from());
      out.writeLong(s.to());
      out.writeInt(s.keySlot());
      out.writeInt(s.rows().size());
      for (Object[] row : s.rows()) {
        out.writeShort(row.length);
        for (Object v : row) {
          if (!write(out, v)) {
            return null;
          }
        }
      }
      CRC32 crc = new CRC32();
      crc.update(bytes.toByteArray());
      out.writeLong(crc.getValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static boolean write(DataOutputStream out, @Nullable Object v) throws IOException {
    if (v == null) {
      out.writeByte(NULL);
    } else if (v instanceof String s) {
      tagged(out, STRING).writeUTF(s);
    } else if (v instanceof Long l) {
      tagged(out, LONG).writeLong(l);
    } else if (v instanceof BigDecimal d) {
      tagged(out, DECIMAL).writeInt(d.scale());
      byte[] unscaled = d.unscaledValue().toByteArray();
      out.writeShort(unscaled.length);
      out.write(unscaled);
    } else if (v instanceof Integer i) {
      tagged(out, INT).writeInt(i);
    } else if (v instanceof Boolean b) {
      tagged(out, BOOLEAN).writeBoolean(b);
    } else {
      return false;
    }
    return true;
  }

  /** Writes the type tag of a value; its bytes follow. */
  private static DataOutputStream tagged(DataOutputStream out, byte tag) throws IOException {
    out.writeByte(tag);
    return out;
  }

  /**
   * The segment in {@code bytes}.
   *
   * @throws IllegalArgumentException when the bytes are damaged (their checksum does not match) or
   *     not a segment
   */
  static Segment decode(byte[] bytes) {
    if (bytes.length < 8) {
      throw new IllegalArgumentException("a record of " + bytes.length + " bytes");
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 8);
    try (DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length))) {
      long from = in.readLong();
      long to = in.readLong();
      int keySlot = in.readInt();
      int n = in.readInt();
      if (n < 0) {
        throw new IllegalArgumentException("a record of " + n + " rows");
      }
      List<Object[]> rows = new ArrayList<>(Math.min(n, 10_000));
      for (int i = 0; i < n; i++) {
        Object[] row = new Object[in.readUnsignedShort()];
        for (int j = 0; j < row.length; j++) {
          row[j] = read(in);
        }
        rows.add(row);
      }
      long stored = in.readLong();
      if (stored != crc.getValue() || in.available() != 0) {
        throw new IllegalArgumentException("checksum mismatch");
      }
      return new Segment(from, to, keySlot, rows);
    } catch (IOException e) {
      throw new IllegalArgumentException("a record cut short", e);
    }
  }

  private static @Nullable Object read(DataInputStream in) throws IOException {
    byte tag = in.readByte();
    return switch (tag) {
      case NULL -> null;
      case STRING -> in.readUTF();
      case LONG -> in.readLong();
      case DECIMAL -> {
        int scale = in.readInt();
        byte[] unscaled = new byte[in.readUnsignedShort()];
        in.readFully(unscaled);
        yield new BigDecimal(new BigInteger(unscaled), scale);
      }
      case INT -> in.readInt();
      case BOOLEAN -> in.readBoolean();
      default -> throw new IllegalArgumentException("value tag " + tag);
    };
  }
}
