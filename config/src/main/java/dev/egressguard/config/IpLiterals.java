package dev.egressguard.config;

/**
 * Parses IP literals strictly and without DNS. Anything not in canonical form (leading zeros,
 * hex or shortened IPv4 such as {@code 0x7f.1} or {@code 127.1}) is not an IP literal here, so it
 * counts as an external name and stays inspected: clients disagree on what such forms mean
 * (curl reads {@code 010} as octal, Java as decimal), and calling one internal by mistake would
 * wave its traffic through.
 */
final class IpLiterals {
    private IpLiterals() {
    }

    /** The address of a dotted-quad {@code s[start, end)}, or -1 when it is not one. */
    static long ipv4(String s, int start, int end) {
        long value = 0;
        int parts = 0;
        int i = start;
        while (parts < 4) {
            int digits = 0;
            int octet = 0;
            while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                if (digits == 1 && octet == 0) {
                    return -1; // leading zero
                }
                octet = octet * 10 + (s.charAt(i) - '0');
                digits++;
                i++;
                if (digits > 3) {
                    return -1;
                }
            }
            if (digits == 0 || octet > 255) {
                return -1;
            }
            value = (value << 8) | octet;
            parts++;
            if (parts < 4) {
                if (i >= end || s.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
        }
        return i == end ? value : -1;
    }

    /**
     * The eight 16-bit groups of an IPv6 literal {@code s[start, end)} (a zone id {@code %eth0}
     * ignored, a trailing dotted quad allowed), or null when it is not one.
     */
    static int[] ipv6(String s, int start, int end) {
        int zone = s.indexOf('%', start);
        if (zone >= 0 && zone < end) {
            end = zone;
        }
        if (end - start < 2) {
            return null;
        }
        int[] groups = new int[8];
        int count = 0;
        int compressAt = -1;
        int i = start;
        if (s.startsWith("::", i)) {
            compressAt = 0;
            i += 2;
            if (i == end) {
                return groups;
            }
        } else if (s.charAt(i) == ':') {
            return null;
        }
        while (i < end) {
            if (count == 8) {
                return null;
            }
            int groupStart = i;
            int value = 0;
            int digits = 0;
            while (i < end && digits <= 4) {
                int h = Character.digit(s.charAt(i), 16);
                if (h < 0) {
                    break;
                }
                value = value * 16 + h;
                digits++;
                i++;
            }
            if (i < end && s.charAt(i) == '.') {
                // trailing dotted quad: two groups
                if (count > 6) {
                    return null;
                }
                long v4 = ipv4(s, groupStart, end);
                if (v4 < 0) {
                    return null;
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xffff);
                i = end;
                break;
            }
            if (digits == 0 || digits > 4) {
                return null;
            }
            groups[count++] = value;
            if (i == end) {
                break;
            }
            if (s.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < end && s.charAt(i) == ':') {
                if (compressAt >= 0) {
                    return null;
                }
                compressAt = count;
                i++;
                if (i == end) {
                    break;
                }
            } else if (i == end) {
                return null; // trailing single colon
            }
        }
        if (compressAt < 0) {
            return count == 8 ? groups : null;
        }
        if (count == 8) {
            return null; // "::" must stand for at least one group
        }
        int tail = count - compressAt;
        System.arraycopy(groups, compressAt, groups, 8 - tail, tail);
        for (int k = compressAt; k < 8 - tail; k++) {
            groups[k] = 0;
        }
        return groups;
    }
}
