package dev.egressguard.engine.inspect;

import java.util.ArrayList;
import java.util.List;

/** Card number validation: Luhn and the issuer prefixes of {@code card-issuers.txt}. */
final class CardNumbers {
    private static final int[][] RANGES = load();

    private CardNumbers() {
    }

    private static int[][] load() {
        List<int[]> out = new ArrayList<>();
        for (String line : ResourceLines.lines("card-issuers.txt")) {
            String range = line.split("\\s+")[0];
            int dash = range.indexOf('-');
            String lo = dash < 0 ? range : range.substring(0, dash);
            String hi = dash < 0 ? range : range.substring(dash + 1);
            out.add(new int[] {lo.length(), Integer.parseInt(lo), Integer.parseInt(hi)});
        }
        return out.toArray(new int[0][]);
    }

    /** digits[0,len) are the card digits (values 0-9). */
    static boolean isCard(byte[] digits, int len) {
        if (len < 13 || len > 19) {
            return false;
        }
        return hasIssuerPrefix(digits, len) && luhn(digits, len);
    }

    static boolean luhn(byte[] digits, int len) {
        int sum = 0;
        boolean dbl = false;
        for (int i = len - 1; i >= 0; i--) {
            int d = digits[i];
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    static boolean hasIssuerPrefix(byte[] digits, int len) {
        for (int[] r : RANGES) {
            int plen = r[0];
            if (plen > len) {
                continue;
            }
            int p = 0;
            for (int i = 0; i < plen; i++) {
                p = p * 10 + digits[i];
            }
            if (p >= r[1] && p <= r[2]) {
                return true;
            }
        }
        return false;
    }
}
