package dev.egressguard.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks a policy file is plausible text before any YAML parser sees it: bounded size, valid
 * UTF-8, no NUL bytes. Binary garbage gets one clear error instead of a parser's confusion.
 */
final class PolicyText {
    static final int MAX_BYTES = 1024 * 1024;

    private PolicyText() {
    }

    /** Decodes file bytes as strict UTF-8, or reports where they stop being UTF-8 and returns null. */
    static String decode(byte[] bytes, PolicyErrors errors) {
        if (bytes.length > MAX_BYTES) {
            errors.add(1, 1, tooLarge(bytes.length));
            return null;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        boolean malformed = decoder.decode(in, out, true).isError();
        out.flip();
        String decoded = out.toString();
        if (malformed) {
            int[] at = lineColumnOfCharIndex(decoded, decoded.length());
            errors.add(at[0], at[1], "not UTF-8 text (invalid byte 0x"
                    + String.format("%02X", bytes[in.position()] & 0xFF) + "); a policy file is UTF-8 YAML");
            return null;
        }
        return check(decoded, errors);
    }

    /** The text to parse (a leading BOM dropped), or null when it is too large or binary. */
    static String check(String text, PolicyErrors errors) {
        long bytes = utf8Length(text);
        if (bytes > MAX_BYTES) {
            errors.add(1, 1, tooLarge(bytes));
            return null;
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int nul = body.indexOf('\0');
        if (nul >= 0) {
            int[] at = lineColumnOfCharIndex(body, nul);
            errors.add(at[0], at[1], "NUL byte: this looks like a binary file, not a YAML policy");
            return null;
        }
        return body;
    }

    private static String tooLarge(long bytes) {
        return "policy file too large (" + bytes + " bytes; the limit is " + MAX_BYTES + ")";
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
            if (n > MAX_BYTES) {
                return n;
            }
        }
        return n;
    }

    /** 1-based line and column of a char index. */
    static int[] lineColumnOfCharIndex(CharSequence text, int index) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }

    /** 1-based line and column of a code point index (how SnakeYAML counts positions). */
    static int[] lineColumnOfCodePoint(String text, int codePointIndex) {
        int chars = text.offsetByCodePoints(0, Math.max(0, Math.min(codePointIndex, text.codePointCount(0, text.length()))));
        return lineColumnOfCharIndex(text, chars);
    }
}
