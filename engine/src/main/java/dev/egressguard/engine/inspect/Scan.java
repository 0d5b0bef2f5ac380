package dev.egressguard.engine.inspect;

import dev.egressguard.config.PatternType;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * One pass of every enabled detector over one text (SPEC §5.4). The loop looks at each character
 * once through a class table; only a digit, a word that passes {@link WordStarts}, '@', ':'/'=', '+',
 * '-', '/', '<'/'[', '!' or '(' start a local check, and regexes are never run over the whole text
 * (except a policy's own).
 */
final class Scan {
    private static final byte NONE = 0;
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    private static final byte AT = 3;
    private static final byte ASSIGN = 4;
    private static final byte PLUS = 5;
    private static final byte DASH = 6;
    private static final byte OPEN = 7;
    private static final byte BANG = 8;
    private static final byte PAREN = 9;
    private static final byte SLASH = 10;
    private static final byte[] CLS = new byte[128];
    private static final int MAX_SEGMENTS = 16;
    private static final int MAX_VALUE = 512;

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            CLS[c] = LETTER;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            CLS[c] = LETTER;
        }
        CLS['_'] = LETTER;
        for (char c = '0'; c <= '9'; c++) {
            CLS[c] = DIGIT;
        }
        CLS['@'] = AT;
        CLS[':'] = ASSIGN;
        CLS['='] = ASSIGN;
        CLS['+'] = PLUS;
        CLS['-'] = DASH;
        CLS['<'] = OPEN;
        CLS['['] = OPEN;
        CLS['!'] = BANG;
        CLS['('] = PAREN;
        CLS['/'] = SLASH;
    }

    final Detectors d;
    final TextView v;
    final char[] a;
    final int n;
    private final Findings out;
    private final int[] end1 = new int[1];
    private final int[] segStart = new int[MAX_SEGMENTS];
    private final int[] segLen = new int[MAX_SEGMENTS];
    private final char[] segSep = new char[MAX_SEGMENTS];
    private final byte[] digits = new byte[24];
    private int ipv6Until;
    /** Base64 runs found: start/end pairs. */
    int[] base64Runs;
    int base64Count;

    Scan(Detectors d, TextView v, Findings out) {
        this.d = d;
        this.v = v;
        this.a = v.chars;
        this.n = v.length;
        this.out = out;
    }

    void emit(PatternType type, int start, int end, double confidence, String issuer, String value, String label) {
        out.add(v, type, start, end, confidence, issuer, value, label);
    }

    void run() {
        int i = 0;
        while ((i = skipProse(i)) < n) {
            i = check(i, CLS[a[i]]);
        }
        if (!d.oddKeywords.isEmpty()) {
            oddKeywords();
        }
        if (d.regex) {
            customRegex();
        }
    }

    /**
     * From {@code i}, past plain words and the characters that start nothing; returns where a word
     * that may start a detector, or a character that starts a local check, is (or {@code n}). Kept
     * free of calls: it is nearly all of a clean text's time, and C2 keeps such a loop in registers.
     */
    private int skipProse(int from) {
        char[] a = this.a;
        int n = this.n;
        // WordStarts' two tables, read here rather than through a method: C2 then keeps them in registers
        int[] byFirstTwo = d.wordStarts.byFirstTwo;
        int[] byFirstLast = d.wordStarts.byFirstLast;
        int i = from;
        while (i < n) {
            char c = a[i];
            byte k = c < 128 ? CLS[c] : NONE;
            if (k == LETTER) {
                int j = i + 1;
                while (j < n && ((a[j] >>> 7) | NOT_WORD[a[j] & 127]) == 0) {
                    j++;
                }
                if (j - i >= Base64Text.MIN_RUN) {
                    return i; // base64, a key or a token, maybe (MIN_RUN < WordStarts.LONG_WORD)
                }
                int first = c << 7;
                int second = i + 1 < n && a[i + 1] < 128 ? a[i + 1] : ' ';
                if ((byFirstTwo[first | second] & byFirstLast[first | a[j - 1]] & 1 << (j - i)) != 0) {
                    return i; // a word that may start a detector (WordStarts)
                }
                // and the space after it, if that is what follows
                i = j < n && a[j] == ' ' ? j + 1 : j;
            } else if (k == NONE) {
                i++;
            } else {
                return i;
            }
        }
        return n;
    }

    /** The local check for the word or character of class {@code k} at {@code i}; returns where scanning goes on. */
    private int check(int i, byte k) {
        int e;
        switch (k) {
            case LETTER:
                int j = i + 1;
                while (j < n && isWordChar(a[j])) {
                    j++;
                }
                e = word(i, j);
                if (e == j && e - i < Base64Text.MIN_RUN) {
                    return e;
                }
                break;
            case DIGIT:
                e = number(i);
                break;
            case AT:
                at(i);
                e = i + 1;
                break;
            case ASSIGN:
                assign(i);
                e = i + 1;
                break;
            case PLUS:
                e = plus(i);
                break;
            case DASH:
                e = dash(i);
                break;
            case OPEN:
                e = templateToken(i);
                break;
            case BANG:
                e = markdownImage(i);
                break;
            case PAREN:
                e = paren(i);
                break;
            default:
                e = i + 1;
        }
        // a lone ':', '@' or '(' is no part of a run, and the runs beside it have checks of their own
        if (e > i + 1 || Base64Text.isAlphabet(a[i])) {
            noteRuns(i, e);
        }
        return e;
    }

    /** Where the base64 runs noted so far end: each run is looked at once. */
    private int runsUntil;

    /**
     * Notes the base64 runs (SPEC §5.4: 16 or more characters, then decoded) that touch
     * {@code a[from-1,to]}. Every such run of a text holds a word of 16 or more characters, a digit
     * group or a '+', '-' or '/', or lies in what a check consumed, and the scan calls this at each
     * of those: plain prose never does.
     */
    private void noteRuns(int from, int to) {
        int p = Math.max(Math.max(from - 1, 0), runsUntil);
        int last = Math.min(to, n - 1);
        while (p <= last) {
            if (!Base64Text.isAlphabet(a[p])) {
                p++;
                continue;
            }
            int s = p;
            while (s > runsUntil && Base64Text.isAlphabet(a[s - 1])) {
                s--;
            }
            int e = p + 1;
            while (e < n && Base64Text.isAlphabet(a[e])) {
                e++;
            }
            if (e - s >= Base64Text.MIN_RUN) {
                addRun(s, e);
            }
            runsUntil = e;
            p = e + 1;
        }
    }

    /** A run of base64 characters {@code a[s,e)}, with up to two '=' of padding after it. */
    private void addRun(int s, int e) {
        int pad = e;
        while (pad < n && pad - e < 2 && a[pad] == '=') {
            pad++;
        }
        if (base64Runs == null) {
            base64Runs = new int[8];
        } else if (base64Count * 2 + 2 > base64Runs.length) {
            base64Runs = java.util.Arrays.copyOf(base64Runs, base64Runs.length * 2);
        }
        base64Runs[base64Count * 2] = s;
        base64Runs[base64Count * 2 + 1] = pad;
        base64Count++;
    }

    // ---- character classes ----

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAlnum(char c) {
        return isDigit(c) || isLetter(c);
    }

    static boolean isWordChar(char c) {
        return isAlnum(c) || c == '_';
    }

    static boolean isWordCharUnicode(char c) {
        return c < 128 ? isWordChar(c) : Character.isLetterOrDigit(c);
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    // ---- words: vendor keys, JWTs, trigger words, ICD codes ----

    /** 0 for a word character, 1 for anything else: with {@code c >>> 7}, one test per character. */
    private static final int[] NOT_WORD = new int[128];

    static {
        for (char c = 0; c < 128; c++) {
            NOT_WORD[c] = isWordChar(c) ? 0 : 1;
        }
    }

    private int word(int i, int j) {
        char[] a = this.a;
        int n = this.n;
        char c = a[i];
        int starts = d.wordStarts.detectors(c, i + 1 < n && a[i + 1] < 128 ? a[i + 1] : ' ');
        if (starts == 0 && j - i < WordStarts.LONG_WORD) {
            return j;
        }
        if (d.apiKey && ((starts & WordStarts.VENDOR) != 0 || j - i >= WordStarts.LONG_WORD)) {
            int e = vendorKey(i, j);
            if (e > 0) {
                return e;
            }
        }
        if ((starts & WordStarts.TRIGGER) != 0) {
            WordTrigger[] ts = d.triggers.find(a, i, j);
            if (ts != null) {
                for (WordTrigger t : ts) {
                    t.fire(this, i, j);
                }
            }
        }
        if ((starts & WordStarts.ICD) != 0 && j - i == 3
                && (isDigit(a[i + 2]) || (a[i + 2] >= 'A' && a[i + 2] <= 'Z'))) {
            return icd(i, j);
        }
        return j;
    }

    private int vendorKey(int i, int wordEnd) {
        char c = a[i];
        if (VendorKeys.mayStart(c)) {
            VendorKeys.Format f = VendorKeys.match(a, n, i, end1);
            if (f != null) {
                int e = end1[0];
                emit(PatternType.API_KEY, i, e, 1.0, f.issuer, new String(a, i, e - i), null);
                return e;
            }
        }
        if (c == 'e' && i + 3 < n && a[i + 1] == 'y' && a[i + 2] == 'J') {
            return jwt(i);
        }
        if (c == 'S' && i + 3 < n && a[i + 1] == 'G' && a[i + 2] == '.') {
            int p = tokenRun(i + 3);
            if (p - i - 3 >= 16 && p < n && a[p] == '.') {
                int q = tokenRun(p + 1);
                if (q - p - 1 >= 16) {
                    emit(PatternType.API_KEY, i, q, 1.0, "sendgrid", new String(a, i, q - i), null);
                    return q;
                }
            }
            return -1;
        }
        if (i >= tokenCheckedUntil && (wordEnd - i >= 20 || (wordEnd < n && a[wordEnd] == '-'))) {
            // OpenAI keys carry "T3BlbkFJ" (base64 of "OpenAI") wherever their prefix went
            int e = tokenRun(i);
            tokenCheckedUntil = e; // words further into this token are part of what was just checked
            if (e - i >= 32 && indexOf(i, e, "T3BlbkFJ") >= 0) {
                emit(PatternType.API_KEY, i, e, 1.0, "openai", new String(a, i, e - i), null);
                return e;
            }
        }
        return -1;
    }

    private int tokenCheckedUntil;

    private InjectionPhrases.Words phraseWords;

    InjectionPhrases.Words phraseWords() {
        if (phraseWords == null) {
            phraseWords = new InjectionPhrases.Words(a, n);
        }
        return phraseWords;
    }

    private int tokenRun(int from) {
        int p = from;
        while (p < n && VendorKeys.in(a[p], VendorKeys.TOKEN)) {
            p++;
        }
        return p;
    }

    private int indexOf(int from, int to, String s) {
        outer:
        for (int p = from; p + s.length() <= to; p++) {
            for (int k = 0; k < s.length(); k++) {
                if (a[p + k] != s.charAt(k)) {
                    continue outer;
                }
            }
            return p;
        }
        return -1;
    }

    private int jwt(int i) {
        int p = tokenRun(i + 3);
        if (p - i < 10 || p + 4 >= n || a[p] != '.' || a[p + 1] != 'e' || a[p + 2] != 'y' || a[p + 3] != 'J') {
            return -1;
        }
        int q = tokenRun(p + 4);
        if (q - p < 10 || q >= n || a[q] != '.') {
            return -1;
        }
        int r = tokenRun(q + 1);
        if (r - q - 1 < 8) {
            return -1;
        }
        emit(PatternType.API_KEY, i, r, 1.0, null, new String(a, i, r - i), "jwt");
        return r;
    }

    private int icd(int i, int j) {
        int e = j;
        if (e + 1 < n && a[e] == '.' && (isDigit(a[e + 1]) || (a[e + 1] >= 'A' && a[e + 1] <= 'Z'))) {
            int k = e + 1;
            while (k < n && k - e <= 4 && (isDigit(a[k]) || (a[k] >= 'A' && a[k] <= 'Z'))) {
                k++;
            }
            if (k - e <= 5 && (k >= n || !isAlnum(a[k]))) {
                e = k;
            }
        }
        if (e < n && isAlnum(a[e])) {
            return e;
        }
        if (containsWord(Math.max(0, i - 40), Math.min(n, e + 40), Detectors.ICD_CONTEXT)) {
            emit(PatternType.HEALTH_DATA, i, e, 0.8, null, new String(a, i, e - i), "icd-10");
        }
        return e;
    }

    /** After "MRN" / "medical record": the 6-10 letters or digits of the record number. */
    int recordNumber(int i, int wordEnd) {
        int p = wordEnd;
        if ((a[i] | 0x20) == 'm' && wordEnd - i > 3) {
            // "medical" must be followed by "record"
            int r = InjectionPhrases.nextWord(a, n, p);
            if (r < 0 || r + 6 > n || !new String(a, r, 6).equalsIgnoreCase("record")) {
                return -1;
            }
            p = r + 6;
            int w = InjectionPhrases.nextWord(a, n, p);
            if (w >= 0) {
                int we = InjectionPhrases.wordEnd(a, n, w);
                String next = new String(a, w, we - w).toLowerCase(Locale.ROOT);
                if (next.equals("number") || next.equals("no") || next.equals("num") || next.equals("id")) {
                    p = we;
                }
            }
        }
        int k = p;
        while (k < n && k - p < 6 && (a[k] == ' ' || a[k] == ':' || a[k] == '#' || a[k] == '=' || a[k] == '.'
                || a[k] == '-' || a[k] == '"' || a[k] == '\'' || a[k] == '\t')) {
            k++;
        }
        int vs = k;
        boolean digit = false;
        while (k < n && isAlnum(a[k]) && k - vs <= 10) {
            digit |= isDigit(a[k]);
            k++;
        }
        int len = k - vs;
        if (len < 6 || len > 10 || !digit || (k < n && isAlnum(a[k]))) {
            return -1;
        }
        emit(PatternType.HEALTH_DATA, vs, k, 0.9, null, new String(a, vs, len).toUpperCase(Locale.ROOT), "mrn");
        return k;
    }

    // ---- numbers: SSN, card, phone, IPv4 ----

    private int number(int i) {
        char[] a = this.a;
        boolean gluedBefore = false;
        if (i > 0) {
            char p = a[i - 1];
            if (isAlnum(p)) {
                gluedBefore = true;
            } else if ((p == '-' || p == '.' || p == '_') && i > 1 && isAlnum(a[i - 2])) {
                gluedBefore = true;
            }
        }
        int segs = 0;
        int j = i;
        while (true) {
            int s = j;
            while (j < n && isDigit(a[j])) {
                j++;
            }
            if (segs < MAX_SEGMENTS) {
                segStart[segs] = s;
                segLen[segs] = j - s;
            }
            segs++;
            if (j + 1 < n && isGroupSeparator(a[j]) && isDigit(a[j + 1])) {
                if (segs < MAX_SEGMENTS) {
                    segSep[segs] = a[j];
                }
                j++;
                continue;
            }
            break;
        }
        int end = j;
        boolean gluedAfter = false;
        if (end < n) {
            char f = a[end];
            if (isLetter(f) || f == '_') {
                gluedAfter = true;
            } else if ((f == '-' || f == '.') && end + 1 < n && isLetter(a[end + 1])) {
                gluedAfter = true;
            }
        }
        if (gluedBefore || gluedAfter) {
            // part of an identifier, version or order id: "ORD-555-0100", "v1.2.3", "123e4567-..."
            int e = gluedBefore && !gluedAfter && segs > 1 && segs <= MAX_SEGMENTS && segSep[1] == ' '
                    ? segStart[1] : skipToken(end);
            return e;
        }
        if (segs > MAX_SEGMENTS) {
            return end;
        }
        evaluateGroup(segs);
        return end;
    }

    private static boolean isGroupSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '/' || c == ':';
    }

    private int skipToken(int from) {
        int k = from;
        while (k < n && (isWordChar(a[k]) || ((a[k] == '-' || a[k] == '.') && k + 1 < n && isAlnum(a[k + 1])))) {
            k++;
        }
        return k;
    }

    private void evaluateGroup(int segs) {
        // maximal runs of segments joined by the same separator
        int start = 0;
        while (start < segs) {
            int stop = start;
            if (start + 1 < segs) {
                char sep = segSep[start + 1];
                stop = start + 1;
                while (stop + 1 < segs && segSep[stop + 1] == sep) {
                    stop++;
                }
                evaluateRun(start, stop, sep, segs);
            }
            if (stop == start) {
                break;
            }
            start = stop;
        }
        for (int k = 0; k < segs; k++) {
            boolean aloneBefore = k == 0 || segSep[k] == ' ';
            boolean aloneAfter = k + 1 == segs || segSep[k + 1] == ' ';
            if (!aloneBefore || !aloneAfter) {
                continue;
            }
            int len = segLen[k];
            if (len >= 13 && len <= 19 && d.card) {
                card(k, k);
            } else if (len == 9 && d.ssn) {
                bareSsn(segStart[k]);
            }
        }
        if (d.phone && segs >= 3) {
            mixedPhone(segs);
        }
    }

    private void evaluateRun(int r0, int r1, char sep, int segs) {
        if (sep == '/' || sep == ':') {
            return;
        }
        int count = r1 - r0 + 1;
        if (count == 3) {
            if (d.ssn && segLen[r0] == 3 && segLen[r0 + 1] == 2 && segLen[r0 + 2] == 4) {
                ssn(segStart[r0]);
            }
            if (d.phone && segLen[r0] == 3 && segLen[r0 + 1] == 3 && segLen[r0 + 2] == 4) {
                nanp(segStart[r0], segStart[r0], segStart[r0 + 1], segStart[r0 + 2], segStart[r0 + 2] + 4);
            }
        }
        if (count == 4 && d.phone && segLen[r0] == 1 && a[segStart[r0]] == '1' && segLen[r0 + 1] == 3
                && segLen[r0 + 2] == 3 && segLen[r0 + 3] == 4) {
            nanp(segStart[r0], segStart[r0 + 1], segStart[r0 + 2], segStart[r0 + 3], segStart[r0 + 3] + 4);
        }
        if (d.card && (sep == ' ' || sep == '-') && count >= 2) {
            int total = 0;
            boolean shaped = true;
            for (int k = r0; k <= r1; k++) {
                total += segLen[k];
                shaped &= segLen[k] >= 3 && segLen[k] <= 6;
            }
            if (shaped && total >= 13 && total <= 19) {
                card(r0, r1);
            }
        }
        if (d.ip && sep == '.' && count == 4) {
            ipv4(r0);
        }
    }

    private void ssn(int s) {
        int area = num(s, 3);
        int group = num(s + 4, 2);
        int serial = num(s + 7, 4);
        if (validSsn(area, group, serial)) {
            String value = new String(a, s, 3) + new String(a, s + 4, 2) + new String(a, s + 7, 4);
            emit(PatternType.SSN, s, s + 11, 0.95, null, value, null);
        }
    }

    private void bareSsn(int s) {
        if (validSsn(num(s, 3), num(s + 3, 2), num(s + 5, 4))
                && containsWord(Math.max(0, s - 40), s, Detectors.SSN_CONTEXT)) {
            emit(PatternType.SSN, s, s + 9, 0.6, null, new String(a, s, 9), null);
        }
    }

    static boolean validSsn(int area, int group, int serial) {
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
    }

    private int num(int s, int len) {
        int v = 0;
        for (int k = 0; k < len; k++) {
            v = v * 10 + (a[s + k] - '0');
        }
        return v;
    }

    private void card(int r0, int r1) {
        int len = 0;
        for (int k = r0; k <= r1; k++) {
            for (int p = segStart[k]; p < segStart[k] + segLen[k]; p++) {
                if (len < digits.length) {
                    digits[len] = (byte) (a[p] - '0');
                }
                len++;
            }
        }
        if (CardNumbers.isCard(digits, len)) {
            int s = segStart[r0];
            int e = segStart[r1] + segLen[r1];
            StringBuilder value = new StringBuilder(len);
            for (int k = 0; k < len; k++) {
                value.append((char) ('0' + digits[k]));
            }
            emit(PatternType.CREDIT_CARD, s, e, 1.0, null, value.toString(), null);
        }
    }

    private void nanp(int spanStart, int area, int exchange, int line, int spanEnd) {
        if (a[area] < '2' || a[exchange] < '2') {
            return;
        }
        String value = "1" + new String(a, area, 3) + new String(a, exchange, 3) + new String(a, line, 4);
        emit(PatternType.PHONE, spanStart, spanEnd, 0.85, null, value, null);
    }

    private void mixedPhone(int segs) {
        for (int k = 0; k + 2 < segs; k++) {
            char s1 = segSep[k + 1];
            char s2 = segSep[k + 2];
            if (s1 == s2 || segLen[k] != 3 || segLen[k + 1] != 3 || segLen[k + 2] != 4) {
                continue;
            }
            if ((s1 != ' ' && s1 != '-' && s1 != '.') || (s2 != ' ' && s2 != '-' && s2 != '.')) {
                continue;
            }
            boolean aloneBefore = k == 0 || segSep[k] == ' ';
            boolean aloneAfter = k + 3 == segs || segSep[k + 3] == ' ';
            if (aloneBefore && aloneAfter) {
                nanp(segStart[k], segStart[k], segStart[k + 1], segStart[k + 2], segStart[k + 2] + 4);
            }
        }
    }

    private void ipv4(int r0) {
        for (int k = r0; k < r0 + 4; k++) {
            if (segLen[k] > 3 || num(segStart[k], segLen[k]) > 255) {
                return;
            }
        }
        int s = segStart[r0];
        int e = segStart[r0 + 3] + segLen[r0 + 3];
        // "version 1.2.3.4", "v 1.2.3.4": a version string, not an address
        int k = s - 1;
        while (k >= 0 && k > s - 4 && (a[k] == ' ' || a[k] == ':' || a[k] == '=' || a[k] == '"' || a[k] == '\'')) {
            k--;
        }
        int we = k + 1;
        while (k >= 0 && isLetter(a[k])) {
            k--;
        }
        if (we > k + 1) {
            String w = new String(a, k + 1, we - k - 1).toLowerCase(Locale.ROOT);
            for (char[] vw : Detectors.VERSION_WORDS) {
                if (w.equals(new String(vw))) {
                    return;
                }
            }
        }
        emit(PatternType.IP_ADDRESS, s, e, 0.9, null, new String(a, s, e - s), null);
    }

    private int plus(int i) {
        if (!d.phone || i + 1 >= n || !isDigit(a[i + 1]) || a[i + 1] == '0' || (i > 0 && isAlnum(a[i - 1]))) {
            return i + 1;
        }
        int j = i + 1;
        int count = 0;
        int lastDigitEnd = j;
        StringBuilder value = new StringBuilder(16);
        while (j < n) {
            char c = a[j];
            if (isDigit(c)) {
                count++;
                value.append(c);
                j++;
                lastDigitEnd = j;
            } else if ((c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') && j + 1 < n
                    && (isDigit(a[j + 1]) || a[j + 1] == '(' || (c == ')' && a[j + 1] == ' '))) {
                // single separators between digit groups: "+1 (415) 555-2671"
                j++;
            } else {
                break;
            }
            if (count > 15) {
                break;
            }
        }
        if (count < 8 || count > 15 || (lastDigitEnd < n && (isAlnum(a[lastDigitEnd]) || a[lastDigitEnd] == '_'))) {
            return skipDigits(i + 1);
        }
        emit(PatternType.PHONE, i, lastDigitEnd, 0.85, null, "+" + value, "e164");
        return lastDigitEnd;
    }

    private int skipDigits(int from) {
        int k = from;
        while (k < n && (isDigit(a[k]) || ((a[k] == ' ' || a[k] == '-') && k + 1 < n && isDigit(a[k + 1])))) {
            k++;
        }
        return k;
    }

    /** "(555) 123-4567". */
    private int paren(int i) {
        if (!d.phone || i + 13 > n || (i > 0 && isAlnum(a[i - 1]))) {
            return i + 1;
        }
        if (!(isDigit(a[i + 1]) && isDigit(a[i + 2]) && isDigit(a[i + 3]) && a[i + 4] == ')')) {
            return i + 1;
        }
        int p = i + 5;
        if (p < n && a[p] == ' ') {
            p++;
        }
        if (p + 8 > n || !isDigit(a[p]) || !isDigit(a[p + 1]) || !isDigit(a[p + 2])
                || (a[p + 3] != '-' && a[p + 3] != '.' && a[p + 3] != ' ')) {
            return i + 1;
        }
        for (int k = p + 4; k < p + 8; k++) {
            if (!isDigit(a[k])) {
                return i + 1;
            }
        }
        int e = p + 8;
        if (e < n && (isAlnum(a[e]) || ((a[e] == '-' || a[e] == '.') && e + 1 < n && isDigit(a[e + 1])))) {
            return skipDigits(p);
        }
        nanp(i, i + 1, p, p + 4, e);
        return e;
    }

    // ---- '@': e-mail and URL user-info ----

    private void at(int i) {
        if (d.password && userInfo(i)) {
            return;
        }
        if (!d.email) {
            return;
        }
        int ls = i;
        while (ls > 0 && i - ls < 64 && isLocalChar(a[ls - 1])) {
            ls--;
        }
        while (ls < i && (a[ls] == '.' || a[ls] == '+' || a[ls] == '-')) {
            ls++;
        }
        if (ls == i) {
            return;
        }
        int p = i + 1;
        int lastDot = -1;
        while (true) {
            int label = p;
            while (p < n && (isAlnum(a[p]) || a[p] == '-') && p - i < 254) {
                p++;
            }
            if (p == label) {
                return;
            }
            if (p + 1 < n && a[p] == '.' && isAlnum(a[p + 1])) {
                lastDot = p;
                p++;
                continue;
            }
            break;
        }
        if (lastDot < 0 || p - lastDot - 1 < 2 || (p < n && a[p] == '_')) {
            return;
        }
        for (int k = lastDot + 1; k < p; k++) {
            if (!isLetter(a[k])) {
                return;
            }
        }
        emit(PatternType.EMAIL, ls, p, 0.95, null, new String(a, ls, p - ls).toLowerCase(Locale.ROOT), null);
    }

    private static boolean isLocalChar(char c) {
        return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    /** {@code scheme://user:secret@host}: the secret is a password. */
    private boolean userInfo(int i) {
        int k = i - 1;
        int colon = -1;
        while (k >= 0 && i - k < 256) {
            char c = a[k];
            if (c == '/' || c == '@' || c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>') {
                break;
            }
            if (c == ':') {
                colon = k;
            }
            k--;
        }
        if (k < 2 || a[k] != '/' || a[k - 1] != '/' || a[k - 2] != ':' || colon < 0) {
            return false;
        }
        int vs = colon + 1;
        if (vs >= i || placeholder(vs, i)) {
            return true;
        }
        emit(PatternType.PASSWORD, vs, i, 0.9, null, new String(a, vs, i - vs), "url-userinfo");
        return true;
    }

    // ---- ':' and '=': password and key assignments, IPv6 ----

    private void assign(int i) {
        if (a[i] == ':' && d.ip && i >= ipv6Until) {
            ipv6(i);
        }
        if (!(d.password || d.apiKey) || i == 0) {
            return;
        }
        int k = i - 1;
        while (k >= 0 && (a[k] == ' ' || a[k] == '\t')) {
            k--;
        }
        if (k >= 0 && (a[k] == '"' || a[k] == '\'')) {
            k--;
        }
        if (k < 0) {
            return;
        }
        char last = (char) (a[k] | 0x20);
        if (last != 'd' && last != 'e' && last != 'y' && last != 'n' && last != 't') {
            return;
        }
        int keyEnd = k + 1;
        while (k >= 0 && keyEnd - k <= 64 && (isWordChar(a[k]) || a[k] == '-' || a[k] == '.')) {
            k--;
        }
        int keyStart = k + 1;
        if (keyEnd - keyStart < 3) {
            return;
        }
        String key = new String(a, keyStart, keyEnd - keyStart).toLowerCase(Locale.ROOT);
        boolean isPassword = d.password && isPasswordKey(key, keyStart, keyEnd);
        boolean isSecret = !isPassword && d.apiKey && isSecretKey(key, keyStart, keyEnd);
        if (!isPassword && !isSecret) {
            return;
        }
        int p = i + 1;
        if (p < n && a[i] == '=' && a[p] == '>') {
            p++; // "=>"
        } else if (p < n && a[i] == ':' && a[p] == '=') {
            p++; // ":="
        } else if (p < n && (a[p] == '=' || a[p] == '/')) {
            return; // "==", "://"
        }
        while (p < n && (a[p] == ' ' || a[p] == '\t')) {
            p++;
        }
        if (p >= n) {
            return;
        }
        int vs;
        int ve;
        char q = a[p];
        if (q == '"' || q == '\'') {
            vs = p + 1;
            ve = vs;
            while (ve < n && a[ve] != q && a[ve] != '\n' && ve - vs <= MAX_VALUE) {
                ve++;
            }
            if (ve >= n || a[ve] != q) {
                return;
            }
        } else {
            vs = p;
            ve = p;
            while (ve < n && ve - vs <= MAX_VALUE && !endsValue(a[ve])) {
                ve++;
            }
        }
        if (ve <= vs || ve - vs > MAX_VALUE || placeholder(vs, ve)) {
            return;
        }
        if (isPassword) {
            emit(PatternType.PASSWORD, vs, ve, 0.9, null, new String(a, vs, ve - vs), "assignment");
        } else if (ve - vs >= 16 && ValueIds.entropy(a, vs, ve) >= 3.5) {
            emit(PatternType.API_KEY, vs, ve, 0.8, null, new String(a, vs, ve - vs), "assignment");
        }
    }

    /** Where an unquoted value ends; ':' and '=' too, so that "k:k:k:..." is not re-read at every colon. */
    private static boolean endsValue(char c) {
        return c <= ' ' || c == ',' || c == ';' || c == '&' || c == '}' || c == ']' || c == ')' || c == '"'
                || c == '\'' || c == '<' || c == '>' || c == ':' || c == '=';
    }

    private boolean isPasswordKey(String key, int keyStart, int keyEnd) {
        for (String w : Detectors.PASSWORD_KEYS) {
            if (key.endsWith(w)) {
                return w.length() > 3 || boundaryBefore(key, keyStart, keyEnd - w.length());
            }
        }
        return false;
    }

    private boolean isSecretKey(String key, int keyStart, int keyEnd) {
        for (String w : Detectors.SECRET_KEYS) {
            if (key.endsWith(w)) {
                int suffixStart = keyEnd - w.length();
                if (boundaryBefore(key, keyStart, suffixStart)) {
                    return true;
                }
                String before = key.substring(0, key.length() - w.length());
                for (String prefix : Detectors.SECRET_PREFIXES) {
                    if (before.endsWith(prefix)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The suffix starting at {@code s} is a word of its own: at the start, after a separator, or camelCase. */
    private boolean boundaryBefore(String key, int keyStart, int s) {
        if (s == keyStart) {
            return true;
        }
        char prev = a[s - 1];
        if (!isLetter(prev)) {
            return true;
        }
        return a[s] >= 'A' && a[s] <= 'Z' && prev >= 'a' && prev <= 'z';
    }

    /** {@code ***}, {@code <password>}, {@code ${VAR}}, {@code {{var}}}, {@code $VAR}, {@code %s}, {@code [REDACTED]}, null. */
    private boolean placeholder(int vs, int ve) {
        char first = a[vs];
        char last = a[ve - 1];
        boolean allStars = true;
        for (int k = vs; k < ve; k++) {
            if (a[k] != '*') {
                allStars = false;
                break;
            }
        }
        if (allStars || first == '$' || first == '{' || first == '[' || (first == '<' && last == '>')
                || (first == '%' && ve - vs <= 3)) {
            return true;
        }
        String v = new String(a, vs, ve - vs).toLowerCase(Locale.ROOT);
        return v.equals("null") || v.equals("none") || v.equals("undefined") || v.equals("true") || v.equals("false")
                || v.equals("nil") || v.equals("redacted");
    }

    private void ipv6(int i) {
        int s = i;
        while (s > 0 && i - s < 40 && (isHex(a[s - 1]) || a[s - 1] == ':')) {
            s--;
        }
        int e = i;
        while (e < n && e - i < 40 && (isHex(a[e]) || a[e] == ':')) {
            e++;
        }
        ipv6Until = e;
        if (e - 1 > s && a[e - 1] == ':' && a[e - 2] != ':') {
            e--;
        }
        if (s > 0 && (isAlnum(a[s - 1]) || a[s - 1] == '_' || a[s - 1] == '.' || a[s - 1] == '-')) {
            return;
        }
        if (e < n && (isAlnum(a[e]) || a[e] == '_' || a[e] == '.' || a[e] == '-')) {
            return;
        }
        if (validIpv6(s, e)) {
            emit(PatternType.IP_ADDRESS, s, e, 0.9, null, new String(a, s, e - s).toLowerCase(Locale.ROOT), "ipv6");
        }
    }

    private boolean validIpv6(int s, int e) {
        int groups = 0;
        int hexDigits = 0;
        boolean compressed = false;
        int p = s;
        if (p + 1 < e && a[p] == ':' && a[p + 1] == ':') {
            compressed = true;
            p += 2;
        } else if (p < e && a[p] == ':') {
            return false;
        }
        while (p < e) {
            int g = p;
            while (p < e && isHex(a[p])) {
                p++;
            }
            int len = p - g;
            if (len == 0 || len > 4) {
                return false;
            }
            groups++;
            hexDigits += len;
            if (p == e) {
                break;
            }
            p++;
            if (p < e && a[p] == ':') {
                if (compressed) {
                    return false;
                }
                compressed = true;
                p++;
                if (p == e) {
                    break;
                }
            } else if (p == e) {
                return false;
            }
        }
        if (compressed) {
            return groups >= 2 && groups <= 7 && hexDigits >= 4;
        }
        return groups == 8;
    }

    // ---- '-', '<', '[', '!': PEM keys, chat-template tokens, markdown images ----

    private int dash(int i) {
        if (!d.apiKey || i + 11 > n || a[i + 1] != '-' || !regionIs(i, "-----BEGIN ")) {
            return i + 1;
        }
        int headerEnd = indexOf(i + 11, Math.min(n, i + 80), "-----");
        if (headerEnd < 0 || indexOf(i + 11, headerEnd, "PRIVATE KEY") < 0) {
            return i + 1;
        }
        int end = indexOf(headerEnd + 5, Math.min(n, headerEnd + 5 + 65536), "-----END ");
        int close = end < 0 ? -1 : indexOf(end + 9, Math.min(n, end + 80), "-----");
        int e = close < 0 ? n : close + 5;
        emit(PatternType.API_KEY, i, e, 1.0, null, new String(a, i, e - i), "pem-private-key");
        return e;
    }

    private boolean regionIs(int i, String s) {
        if (i + s.length() > n) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (a[i + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private int templateToken(int i) {
        char[][] tokens = d.templateTokens[a[i]];
        if (tokens == null) {
            return i + 1;
        }
        for (char[] t : tokens) {
            if (i + t.length <= n) {
                boolean eq = true;
                for (int k = 1; k < t.length; k++) {
                    if (a[i + k] != t[k]) {
                        eq = false;
                        break;
                    }
                }
                if (eq) {
                    emit(PatternType.PROMPT_INJECTION, i, i + t.length, 0.8, null, new String(t), "chat-template");
                    return i + t.length;
                }
            }
        }
        return i + 1;
    }

    /** {@code ![alt](https://host/path?q=...)}: an image whose URL carries data out when rendered. */
    private int markdownImage(int i) {
        if (!d.injection || i + 4 >= n || a[i + 1] != '[') {
            return i + 1;
        }
        int k = i + 2;
        while (k < n && k - i < 300 && a[k] != ']' && a[k] != '\n') {
            k++;
        }
        if (k + 1 >= n || a[k] != ']' || a[k + 1] != '(') {
            return i + 1;
        }
        int us = k + 2;
        if (!regionIs(us, "http://") && !regionIs(us, "https://")) {
            return i + 1;
        }
        int ue = us;
        int query = -1;
        while (ue < n && ue - us < 4096 && a[ue] != ')' && a[ue] > ' ' && a[ue] != '(' && a[ue] != '['
                && a[ue] != ']' && a[ue] != '"' && a[ue] != '<' && a[ue] != '>') {
            if (a[ue] == '?' && query < 0) {
                query = ue;
            }
            ue++;
        }
        if (ue >= n || a[ue] != ')' || query < 0 || indexOf(query, ue, "=") < 0) {
            return i + 1;
        }
        emit(PatternType.PROMPT_INJECTION, i, ue + 1, 0.8, null, new String(a, us, ue - us), "markdown-image");
        return ue + 1;
    }

    // ---- context words ----

    /** Whether one of {@code words} occurs in {@code a[from,to)}, case-insensitive, not inside a longer word. */
    boolean containsWord(int from, int to, char[][] words) {
        for (int p = from; p < to; p++) {
            char c = (char) (a[p] | 0x20);
            for (char[] w : words) {
                if (c != w[0] || p + w.length > n || (p > 0 && isLetter(a[p - 1]))) {
                    continue;
                }
                boolean eq = true;
                for (int k = 1; k < w.length; k++) {
                    char x = a[p + k];
                    if (x != w[k] && (char) (x | 0x20) != w[k]) {
                        eq = false;
                        break;
                    }
                }
                if (eq && (w.length > 3 || p + w.length >= n || !isLetter(a[p + w.length]))) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- custom keywords that do not start with a letter, custom regexes ----

    private void oddKeywords() {
        String text = new String(a, 0, n).toLowerCase(Locale.ROOT);
        for (String k : d.oddKeywords) {
            String lk = k.toLowerCase(Locale.ROOT);
            int from = 0;
            int p;
            while ((p = text.indexOf(lk, from)) >= 0) {
                int e = p + lk.length();
                boolean before = p == 0 || !isWordCharUnicode(a[p - 1]) || !isWordCharUnicode(lk.charAt(0));
                boolean after = e >= n || !isWordCharUnicode(a[e]) || !isWordCharUnicode(lk.charAt(lk.length() - 1));
                if (before && after && text.length() == n) {
                    emit(PatternType.CUSTOM_KEYWORD, p, e, 1.0, null, lk, k);
                }
                from = p + 1;
            }
        }
    }

    private void customRegex() {
        for (int r = 0; r < d.customPatterns.size(); r++) {
            String source = d.customSources.get(r);
            StepBoundedChars chars = new StepBoundedChars(a, n, StepBoundedChars.budgetFor(n));
            Matcher m = d.customPatterns.get(r).matcher(chars);
            int searchedFrom = 0;
            try {
                while (m.find()) {
                    if (m.end() > m.start()) {
                        emit(PatternType.CUSTOM_REGEX, m.start(), m.end(), 1.0, null,
                                new String(a, m.start(), m.end() - m.start()), source);
                    }
                    searchedFrom = m.end();
                    if (m.end() == n) {
                        break;
                    }
                }
            } catch (StepBoundedChars.StepLimitExceeded e) {
                // a regex that runs away counts as a match, so that it cannot be used to slip data past
                int s = Math.min(searchedFrom, n);
                emit(PatternType.CUSTOM_REGEX, s, n, 1.0, null, "step-limit:" + source,
                        source + " (step limit exceeded)");
            }
        }
    }

}
