package dev.egressguard.config;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Rejects the regular-expression shape that backtracks exponentially: a group repeated by a
 * quantifier that itself contains a quantifier, as in {@code (a+)+} or {@code (\w+\s?)*}.
 * Possessive quantifiers and atomic groups do not backtrack, so they are the way out.
 * Only call this on a regex that {@link java.util.regex.Pattern} has compiled.
 */
final class RegexSafety {

    private RegexSafety() {
    }

    /** Why the regex is dangerous, or null when it has no nested repetition. */
    static String nestedQuantifier(String regex) {
        Deque<Group> open = new ArrayDeque<>();
        open.push(new Group(0, false));
        Group justClosed = null;
        int i = 0;
        int n = regex.length();
        while (i < n) {
            char c = regex.charAt(i);
            Group closed = null;
            if (c == '\\') {
                i = skipEscape(regex, i);
            } else if (c == '[') {
                i = skipClass(regex, i);
            } else if (c == '(') {
                int body = groupBody(regex, i);
                open.push(new Group(i, regex.startsWith("(?>", i)));
                i = body;
            } else if (c == ')') {
                Group g = open.size() > 1 ? open.pop() : new Group(i, false);
                if (g.repeats && !g.atomic) {
                    open.peek().repeats = true;
                }
                closed = g;
                i++;
            } else if (c == '*' || c == '+' || c == '?' || c == '{') {
                int end = quantifierEnd(regex, i);
                boolean variable = isVariable(regex, i, end);
                boolean repeating = isRepeating(regex, i, end);
                boolean possessive = end < n && regex.charAt(end) == '+';
                if (end < n && (regex.charAt(end) == '+' || regex.charAt(end) == '?')) {
                    end++;
                }
                if (justClosed != null && justClosed.repeats && !justClosed.atomic && repeating && !possessive) {
                    return "repeats the group at index " + justClosed.start
                            + " which itself repeats (nested quantifiers such as (a+)+ backtrack exponentially);"
                            + " remove the inner or outer repetition, or make it possessive ('++', '*+') or atomic '(?>...)'";
                }
                if (variable && !possessive) {
                    open.peek().repeats = true;
                }
                i = end;
            } else {
                i++;
            }
            justClosed = closed;
        }
        return null;
    }

    private static int skipEscape(String s, int i) {
        if (i + 1 >= s.length()) {
            return s.length();
        }
        char e = s.charAt(i + 1);
        if (e == 'Q') {
            int end = s.indexOf("\\E", i + 2);
            return end < 0 ? s.length() : end + 2;
        }
        int next = i + 2;
        if ((e == 'p' || e == 'P' || e == 'x' || e == 'N') && next < s.length() && s.charAt(next) == '{') {
            int close = s.indexOf('}', next);
            return close < 0 ? s.length() : close + 1;
        }
        if (e == 'k' && next < s.length() && s.charAt(next) == '<') {
            int close = s.indexOf('>', next);
            return close < 0 ? s.length() : close + 1;
        }
        return next;
    }

    /** Past the character class starting at {@code i}, nested classes and escapes included. */
    private static int skipClass(String s, int i) {
        int depth = 0;
        int j = i;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\\') {
                j = skipEscape(s, j);
                continue;
            }
            if (c == '[') {
                depth++;
                j++;
                if (j < s.length() && s.charAt(j) == '^') {
                    j++;
                }
                if (j < s.length() && s.charAt(j) == ']') {
                    j++; // a ']' first in a class is literal
                }
                continue;
            }
            if (c == ']' && --depth == 0) {
                return j + 1;
            }
            j++;
        }
        return s.length();
    }

    /** Past the group's opening and its modifiers: {@code (?:}, {@code (?<name>}, {@code (?<=}, {@code (?i)}. */
    private static int groupBody(String s, int i) {
        int n = s.length();
        if (i + 1 >= n || s.charAt(i + 1) != '?') {
            return i + 1;
        }
        int j = i + 2;
        if (j >= n) {
            return n;
        }
        char c = s.charAt(j);
        if (c == '<') {
            if (j + 1 < n && (s.charAt(j + 1) == '=' || s.charAt(j + 1) == '!')) {
                return j + 2;
            }
            int close = s.indexOf('>', j);
            return close < 0 ? n : close + 1;
        }
        if ("=!>:".indexOf(c) >= 0) {
            return j + 1;
        }
        while (j < n && (Character.isLetter(s.charAt(j)) || s.charAt(j) == '-')) {
            j++;
        }
        return j < n && s.charAt(j) == ':' ? j + 1 : j;
    }

    private static int quantifierEnd(String s, int i) {
        if (s.charAt(i) != '{') {
            return i + 1;
        }
        int close = s.indexOf('}', i);
        return close < 0 ? s.length() : close + 1;
    }

    /** Matches a varying number of times: *, +, ?, {n,}, {n,m} with m > n. */
    private static boolean isVariable(String s, int i, int end) {
        if (s.charAt(i) != '{') {
            return true;
        }
        int[] bounds = bounds(s.substring(i + 1, Math.max(i + 1, end - 1)));
        return bounds[1] != bounds[0];
    }

    /** Can match more than once: *, +, {n,}, {n,m} with m > 1. */
    private static boolean isRepeating(String s, int i, int end) {
        char c = s.charAt(i);
        if (c == '?') {
            return false;
        }
        if (c != '{') {
            return true;
        }
        int[] bounds = bounds(s.substring(i + 1, Math.max(i + 1, end - 1)));
        return bounds[1] > 1;
    }

    /** {min, max} of a brace quantifier's inside; max is Integer.MAX_VALUE for {n,}. */
    private static int[] bounds(String inside) {
        int comma = inside.indexOf(',');
        try {
            if (comma < 0) {
                int exact = Integer.parseInt(inside.trim());
                return new int[] {exact, exact};
            }
            int min = Integer.parseInt(inside.substring(0, comma).trim());
            String maxText = inside.substring(comma + 1).trim();
            int max = maxText.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(maxText);
            return new int[] {min, max};
        } catch (NumberFormatException e) {
            return new int[] {0, Integer.MAX_VALUE};
        }
    }

    private static final class Group {
        final int start;
        final boolean atomic;
        boolean repeats;

        Group(int start, boolean atomic) {
            this.start = start;
            this.atomic = atomic;
        }
    }
}
