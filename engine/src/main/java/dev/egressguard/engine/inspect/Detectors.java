package dev.egressguard.engine.inspect;

import dev.egressguard.config.PatternType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The detectors one policy enables, with their data; immutable and shared by every scan. */
final class Detectors {
    private static final Properties CONTEXT = ResourceLines.properties("context-words.properties");
    static final char[][] SSN_CONTEXT = words("ssn.context");
    static final char[][] ICD_CONTEXT = words("icd.context");
    static final char[][] VERSION_WORDS = words("version.words");
    static final String[] PASSWORD_KEYS = strings("password.keys");
    static final String[] SECRET_KEYS = strings("secret.keys");
    static final String[] SECRET_PREFIXES = strings("secret.prefixes");
    private static final InjectionPhrases INJECTION = InjectionPhrases.load();

    final boolean ssn;
    final boolean card;
    final boolean apiKey;
    final boolean password;
    final boolean health;
    final boolean phone;
    final boolean email;
    final boolean ip;
    final boolean injection;
    final boolean keywords;
    final boolean regex;
    /** Detectors started by a word: injection phrases, record-number labels, custom keywords. */
    final TriggerWords triggers = new TriggerWords();
    /** Chat-template tokens by first character. */
    final char[][][] templateTokens = new char[128][][];
    /** Keywords that do not start with a letter: searched for directly. */
    final List<String> oddKeywords = new ArrayList<>();
    final List<Pattern> customPatterns = new ArrayList<>();
    final List<String> customSources = new ArrayList<>();

    /** The filter that passes over nearly every word of prose. */
    final WordStarts wordStarts = new WordStarts();

    Detectors(Set<PatternType> types, List<String> customKeywords, List<String> customRegex) {
        ssn = types.contains(PatternType.SSN);
        card = types.contains(PatternType.CREDIT_CARD);
        apiKey = types.contains(PatternType.API_KEY);
        password = types.contains(PatternType.PASSWORD);
        health = types.contains(PatternType.HEALTH_DATA);
        phone = types.contains(PatternType.PHONE);
        email = types.contains(PatternType.EMAIL);
        ip = types.contains(PatternType.IP_ADDRESS);
        injection = types.contains(PatternType.PROMPT_INJECTION);
        keywords = types.contains(PatternType.CUSTOM_KEYWORD) && !customKeywords.isEmpty();
        regex = types.contains(PatternType.CUSTOM_REGEX) && !customRegex.isEmpty();
        if (injection) {
            for (InjectionPhrases.Phrase p : INJECTION.phrases) {
                for (String w : InjectionPhrases.triggers(p)) {
                    triggers.add(new PhraseTrigger(w, p));
                }
            }
            for (String t : INJECTION.tokens) {
                char c = t.charAt(0);
                char[][] old = templateTokens[c];
                char[][] grown = old == null ? new char[1][] : Arrays.copyOf(old, old.length + 1);
                grown[grown.length - 1] = t.toCharArray();
                templateTokens[c] = grown;
            }
        }
        if (health) {
            for (String w : ResourceLines.list(CONTEXT, "mrn.words")) {
                String first = w.split(" ")[0];
                if (!hasTrigger(first)) {
                    triggers.add(new RecordNumberTrigger(first));
                }
            }
        }
        if (keywords) {
            for (String k : customKeywords) {
                if (k.isEmpty()) {
                    continue;
                }
                char c = k.charAt(0);
                if (c < 128 && Character.isLetter(c)) {
                    int e = 0;
                    while (e < k.length() && k.charAt(e) < 128 && (Character.isLetterOrDigit(k.charAt(e)) || k.charAt(e) == '_')) {
                        e++;
                    }
                    triggers.add(new KeywordTrigger(k.substring(0, e).toLowerCase(Locale.ROOT), k));
                } else {
                    oddKeywords.add(k);
                }
            }
        }
        indexWordStarts();
        if (regex) {
            for (String r : customRegex) {
                try {
                    customPatterns.add(Pattern.compile(r));
                    customSources.add(r);
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("customRegex '" + r + "' is not a valid Java regex: "
                            + e.getDescription() + "; fix or remove it in the policy", e);
                }
            }
        }
    }

    private void indexWordStarts() {
        if (apiKey) {
            for (char[] prefix : VendorKeys.prefixes()) {
                int w = 0;
                while (w < prefix.length && Scan.isWordChar(prefix[w])) {
                    w++;
                }
                // "sk-": the word is "sk"; "AKIA", "ghp_": the word runs on into the key (to a '-' at the least)
                wordStarts.addAnyLast(prefix[0], prefix[1], w < prefix.length ? 1 << w : WordStarts.atLeast(w),
                        WordStarts.VENDOR);
            }
            wordStarts.addAnyLast('e', 'y', WordStarts.atLeast(3), WordStarts.VENDOR); // JWT: "eyJ..."
            wordStarts.addAnyLast('S', 'G', 1 << 2, WordStarts.VENDOR); // SendGrid: "SG."
        }
        for (WordTrigger[] ts : triggers.all()) {
            char[] w = ts[0].word;
            // every mix of cases of the characters the filter looks at: the first two and the last
            for (char c1 : cases(w[0])) {
                if (w.length == 1) {
                    for (char after = 0; after < 128; after++) {
                        if (!Scan.isWordChar(after)) {
                            wordStarts.add(c1, after, c1, 1, WordStarts.TRIGGER);
                        }
                    }
                    continue;
                }
                for (char c2 : cases(w[1])) {
                    for (char last : cases(w[w.length - 1])) {
                        wordStarts.add(c1, c2, w.length == 2 ? c2 : last, w.length, WordStarts.TRIGGER);
                    }
                }
            }
        }
        if (health) {
            // ICD-10: a letter (not U), a digit, a digit or capital letter
            for (char c1 = 'A'; c1 <= 'Z'; c1++) {
                for (char c2 = '0'; c2 <= '9'; c2++) {
                    for (char c3 = '0'; c3 <= 'Z'; c3++) {
                        if (c1 != 'U' && (Scan.isDigit(c3) || c3 >= 'A')) {
                            wordStarts.add(c1, c2, c3, 3, WordStarts.ICD);
                        }
                    }
                }
            }
        }
    }

    private static char[] cases(char c) {
        char u = Character.toUpperCase(c);
        return u == c ? new char[] {c} : new char[] {c, u};
    }

    private boolean hasTrigger(String w) {
        char[] word = w.toCharArray();
        WordTrigger[] ts = triggers.find(word, 0, word.length);
        if (ts != null) {
            for (WordTrigger t : ts) {
                if (new String(t.word).equals(w) && t instanceof RecordNumberTrigger) {
                    return true;
                }
            }
        }
        return false;
    }

    private static char[][] words(String key) {
        List<String> l = ResourceLines.list(CONTEXT, key);
        char[][] out = new char[l.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = l.get(i).toLowerCase(Locale.ROOT).toCharArray();
        }
        return out;
    }

    private static String[] strings(String key) {
        return ResourceLines.list(CONTEXT, key).toArray(new String[0]);
    }

    /** An injection phrase, from its first word. */
    static final class PhraseTrigger extends WordTrigger {
        private final InjectionPhrases.Phrase phrase;

        PhraseTrigger(String word, InjectionPhrases.Phrase phrase) {
            super(word);
            this.phrase = phrase;
        }

        @Override
        int fire(Scan scan, int i, int wordEnd) {
            int e = phrase.match(scan.phraseWords().at(i));
            if (e < 0) {
                return -1;
            }
            scan.emit(PatternType.PROMPT_INJECTION, i, e, 0.8, null,
                    new String(scan.a, i, e - i).toLowerCase(Locale.ROOT), null);
            return e;
        }
    }

    /** A custom keyword: case-insensitive, whole word. */
    static final class KeywordTrigger extends WordTrigger {
        private final String keyword;

        KeywordTrigger(String firstWord, String keyword) {
            super(firstWord);
            this.keyword = keyword;
        }

        @Override
        int fire(Scan scan, int i, int wordEnd) {
            int e = i + keyword.length();
            if (e > scan.n || !new String(scan.a, i, keyword.length()).equalsIgnoreCase(keyword)
                    || (e < scan.n && Scan.isWordCharUnicode(scan.a[e]))) {
                return -1;
            }
            scan.emit(PatternType.CUSTOM_KEYWORD, i, e, 1.0, null, keyword.toLowerCase(Locale.ROOT), keyword);
            return -1;
        }
    }

    /** A medical record number after "MRN" or "medical record". */
    static final class RecordNumberTrigger extends WordTrigger {
        RecordNumberTrigger(String word) {
            super(word);
        }

        @Override
        int fire(Scan scan, int i, int wordEnd) {
            return scan.recordNumber(i, wordEnd);
        }
    }
}
