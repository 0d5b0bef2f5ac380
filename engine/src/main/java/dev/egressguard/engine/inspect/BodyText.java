package dev.egressguard.engine.inspect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * A request body as text: decompressed (never past the size limit, so a zip bomb stays small),
 * cut to the limit, decoded with its charset. A body that is not text is decoded byte for byte
 * (ISO-8859-1) and flagged, so its printable runs can be scanned and positions stay byte positions.
 */
final class BodyText {
    /** The text as a String (the same characters as {@link #chars}), for the JDK's fast searches. */
    final String string;
    final char[] chars;
    final int length;
    /** 1: all ASCII; -1: unknown. */
    final int ascii;
    final boolean binary;
    final boolean truncated;
    /** {@code gzip}, {@code deflate} (zlib), {@code deflate-raw}, or null. */
    final String compression;
    /** An encoding this code cannot undo (br, zstd ...): the body is scanned as binary. */
    final boolean undecodable;
    final Charset charset;
    final String mediaType;
    final String boundary;

    private BodyText(String string, char[] chars, int length, boolean binary, boolean truncated, String compression,
                     boolean undecodable, Charset charset, String mediaType, String boundary, int ascii) {
        this.string = string;
        this.ascii = ascii;
        this.chars = chars;
        this.length = length;
        this.binary = binary;
        this.truncated = truncated;
        this.compression = compression;
        this.undecodable = undecodable;
        this.charset = charset;
        this.mediaType = mediaType;
        this.boundary = boundary;
    }

    boolean isForm() {
        return "application/x-www-form-urlencoded".equals(mediaType);
    }

    boolean isMultipart() {
        return mediaType != null && mediaType.startsWith("multipart/") && boundary != null;
    }

    boolean isJson() {
        return mediaType != null && (mediaType.endsWith("/json") || mediaType.endsWith("+json"));
    }

    static BodyText decode(byte[] body, String contentType, String contentEncoding, long maxBytes) {
        String mediaType = null;
        String boundary = null;
        Charset charset = StandardCharsets.UTF_8;
        if (contentType != null) {
            // parsed by hand: this runs for every request body
            int semi = contentType.indexOf(';');
            mediaType = lower((semi < 0 ? contentType : contentType.substring(0, semi)).trim());
            while (semi >= 0) {
                int next = contentType.indexOf(';', semi + 1);
                String p = (next < 0 ? contentType.substring(semi + 1) : contentType.substring(semi + 1, next)).trim();
                semi = next;
                int eq = p.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String name = lower(p.substring(0, eq).trim());
                String value = unquote(p.substring(eq + 1).trim());
                if (name.equals("charset")) {
                    try {
                        charset = Charset.forName(value);
                    } catch (RuntimeException e) {
                        charset = StandardCharsets.UTF_8;
                    }
                } else if (name.equals("boundary") && !value.isEmpty()) {
                    boundary = value;
                }
            }
        }
        int limit = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(0, maxBytes));
        String encoding = contentEncoding == null ? null : lastToken(contentEncoding);
        byte[] bytes = body;
        int len = body.length;
        boolean truncated = false;
        String compression = null;
        boolean undecodable = false;
        boolean sniffed = false;
        if (encoding == null && len >= 2 && (body[0] & 0xFF) == 0x1F && (body[1] & 0xFF) == 0x8B) {
            encoding = "gzip"; // compressed content without a header still carries data
            sniffed = true;
        }
        if (encoding != null && !encoding.equals("identity")) {
            byte[] inflated = null;
            long[] total = new long[1];
            if (encoding.equals("gzip") || encoding.equals("x-gzip")) {
                inflated = inflate(body, limit, total, "gzip");
                compression = inflated == null ? null : "gzip";
            } else if (encoding.equals("deflate")) {
                inflated = inflate(body, limit, total, "deflate");
                compression = "deflate";
                if (inflated == null) {
                    inflated = inflate(body, limit, total, "deflate-raw");
                    compression = "deflate-raw";
                }
            }
            if (inflated == null) {
                undecodable = !sniffed;
                compression = null;
            } else {
                bytes = inflated;
                len = (int) Math.min(inflated.length, limit);
                truncated = total[0] > limit;
            }
        }
        if (len > limit) {
            len = limit;
            truncated = true;
        }
        if (truncated && !undecodable) {
            // do not cut a UTF-8 sequence in two
            while (len > 0 && len < bytes.length && (bytes[len] & 0xC0) == 0x80) {
                len--;
            }
        }
        return text(bytes, len, truncated, compression, undecodable, charset, mediaType, boundary);
    }

    private static BodyText text(byte[] bytes, int len, boolean truncated, String compression, boolean undecodable,
                                 Charset charset, String mediaType, String boundary) {
        if (!undecodable) {
            // the JDK's decoders are vectorised for ASCII; malformed input becomes U+FFFD, counted below
            String s = new String(bytes, 0, len, charset);
            int replaced = s.indexOf('\uFFFD');
            if (s.indexOf('\0') < 0 && (replaced < 0 || !mostlyUndecodable(s, replaced))) {
                int ascii = isUtf8(charset) && s.length() == len && replaced < 0 ? 1 : -1;
                return new BodyText(s, s.toCharArray(), s.length(), false, truncated, compression, false, charset,
                        mediaType, boundary, ascii);
            }
        }
        // not text: byte for byte, so positions are byte positions and redaction can rebuild it exactly
        String s = new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
        return new BodyText(s, s.toCharArray(), len, true, truncated, compression, undecodable,
                StandardCharsets.ISO_8859_1, mediaType, boundary, -1);
    }

    /** Whether more than one character in 50 is U+FFFD, the first at {@code first}. */
    private static boolean mostlyUndecodable(String s, int first) {
        int bad = 0;
        int p = first;
        while (p >= 0) {
            bad++;
            p = s.indexOf('\uFFFD', p + 1);
        }
        return bad * 50 > s.length();
    }

    private static boolean isUtf8(Charset cs) {
        return cs.equals(StandardCharsets.UTF_8) || cs.equals(StandardCharsets.US_ASCII);
    }

    private static String lastToken(String contentEncoding) {
        String[] parts = contentEncoding.split(",");
        return parts[parts.length - 1].trim().toLowerCase(Locale.ROOT);
    }

    private static String lower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 128) {
                return s.toLowerCase(Locale.ROOT);
            }
        }
        return s;
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    /** Inflates at most {@code limit + 1} bytes; {@code total[0]} says how many came out. Null when not that format. */
    static byte[] inflate(byte[] body, int limit, long[] total, String format) {
        try (InputStream in = open(body, format)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit + 1, Math.max(64, body.length * 4)));
            byte[] buf = new byte[8192];
            long count = 0;
            int r;
            while ((r = in.read(buf)) > 0) {
                int keep = (int) Math.max(0, Math.min(r, (long) limit + 1 - count));
                out.write(buf, 0, keep);
                count += r;
                if (count > limit) {
                    break;
                }
            }
            total[0] = count;
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static InputStream open(byte[] body, String format) throws IOException {
        ByteArrayInputStream raw = new ByteArrayInputStream(body);
        switch (format) {
            case "gzip":
                return new GZIPInputStream(raw);
            case "deflate":
                return new InflaterInputStream(raw, new Inflater(false));
            default:
                return new InflaterInputStream(raw, new Inflater(true));
        }
    }

    static byte[] compress(byte[] plain, String compression) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 2 + 64);
        if (compression.equals("gzip")) {
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(plain);
            }
        } else {
            java.util.zip.Deflater deflater = new java.util.zip.Deflater(
                    java.util.zip.Deflater.DEFAULT_COMPRESSION, compression.equals("deflate-raw"));
            try (DeflaterOutputStream dz = new DeflaterOutputStream(out, deflater)) {
                dz.write(plain);
            } finally {
                deflater.end();
            }
        }
        return out.toByteArray();
    }
}
