package dev.egressguard.engine.inspect;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Base64 and base64url runs that decode to text (SPEC §5.4: 16+ characters, mostly printable). */
final class Base64Text {
    static final int MIN_RUN = 16;
    private static final byte[] VALUE = new byte[128];

    static {
        java.util.Arrays.fill(VALUE, (byte) -1);
        String std = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < std.length(); i++) {
            VALUE[std.charAt(i)] = (byte) i;
        }
        VALUE['+'] = 62;
        VALUE['/'] = 63;
        VALUE['-'] = 62;
        VALUE['_'] = 63;
    }

    private Base64Text() {
    }

    static boolean isAlphabet(char c) {
        return c < 128 && VALUE[c] >= 0;
    }

    /** Decodes {@code a[start,end)} (padding allowed at the end); null when it is not base64 of text. */
    static char[] decodeText(char[] a, int start, int end) {
        int e = end;
        while (e > start && a[e - 1] == '=') {
            e--;
        }
        int len = e - start;
        if (len < MIN_RUN || len % 4 == 1 || end - e > 2) {
            return null;
        }
        boolean std = false;
        boolean url = false;
        boolean upper = false;
        boolean lower = false;
        for (int i = start; i < e; i++) {
            char c = a[i];
            if (c == '+' || c == '/') {
                std = true;
            } else if (c == '-' || c == '_') {
                url = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            }
        }
        // base64 of text mixes cases; ids, hex, UUIDs and AWS key ids do not, and need no decoding
        if ((std && url) || !upper || !lower) {
            return null;
        }
        byte[] out = new byte[len * 3 / 4];
        int k = 0;
        int acc = 0;
        int bits = 0;
        for (int i = start; i < e; i++) {
            acc = acc << 6 | VALUE[a[i]];
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[k++] = (byte) (acc >> bits);
                acc &= (1 << bits) - 1;
            }
        }
        return printableText(out, k);
    }

    /** Base64 broken into lines (MIME): the whitespace dropped, then decoded as one run; null when not text. */
    static char[] decodeLines(char[] a, int n) {
        char[] compact = new char[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            char c = a[i];
            if (c > ' ') {
                compact[k++] = c;
            }
        }
        return k >= MIN_RUN ? decodeText(compact, 0, k) : null;
    }

    /** The bytes as UTF-8 text when at least 90% of it is printable; else null. */
    static char[] printableText(byte[] bytes, int len) {
        // quick reject on the first bytes: binary rarely starts printable
        int probe = Math.min(len, 8);
        for (int i = 0; i < probe; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t') {
                return null;
            }
        }
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer cb;
        try {
            cb = dec.decode(ByteBuffer.wrap(bytes, 0, len));
        } catch (CharacterCodingException e) {
            return null;
        }
        int n = cb.remaining();
        if (n == 0) {
            return null;
        }
        char[] chars = new char[n];
        cb.get(chars);
        int printable = 0;
        for (char c : chars) {
            if (c >= 0x20 && c != 0x7F || c == '\n' || c == '\r' || c == '\t') {
                printable++;
            }
        }
        return printable * 10 >= n * 9 ? chars : null;
    }
}
