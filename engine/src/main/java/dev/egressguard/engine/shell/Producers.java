package dev.egressguard.engine.shell;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Names of commands by what they do, as far as shell analysis cares. */
final class Producers {
    private Producers() {}

    static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh", "ash", "mksh", "rbash", "yash", "posh");
    static final Set<String> DOWNLOADERS = Set.of(
            "curl", "wget", "wget2", "nc", "ncat", "netcat", "socat", "aria2c", "http", "https", "fetch", "lynx",
            "invoke-webrequest", "invoke-restmethod", "iwr", "irm", "ftp", "tftp", "ssh", "telnet", "openssl");
    private static final Set<String> ALWAYS_DECODERS = Set.of(
            "base64", "base32", "basenc", "xxd", "uudecode", "gunzip", "zcat", "bzcat", "xzcat", "unxz", "bunzip2",
            "rev", "tr", "openssl", "zstdcat", "unzstd", "lzcat", "od", "hexdump", "perl", "python", "python3",
            "ruby", "node", "php", "awk", "sed", "gpg", "iconv", "printf");
    private static final Set<String> DECOMPRESSORS = Set.of("gzip", "bzip2", "xz", "zstd", "lzma");

    /** Decides what kind of data a command writes to a pipe. */
    static StdinSource.Producer classify(String tool, List<Arg> args) {
        if (DOWNLOADERS.contains(tool) && !tool.equals("openssl")) return StdinSource.Producer.DOWNLOADER;
        if (ALWAYS_DECODERS.contains(tool) || tool.startsWith("python")) return StdinSource.Producer.DECODER;
        if (DECOMPRESSORS.contains(tool)) {
            for (Arg a : args) {
                if (a.text.equals("-d") || a.text.equals("--decompress") || a.text.startsWith("-d")) return StdinSource.Producer.DECODER;
            }
        }
        return StdinSource.Producer.OTHER;
    }

    /** basename of argv[0] without a Windows {@code .exe}: the name rules and analysis use. */
    static String baseName(String argv0) {
        String t = argv0 == null ? "" : argv0;
        int slash = Math.max(t.lastIndexOf('/'), t.lastIndexOf('\\'));
        String b = slash >= 0 ? t.substring(slash + 1) : t;
        if (b.length() > 4 && b.regionMatches(true, b.length() - 4, ".exe", 0, 4)) b = b.substring(0, b.length() - 4);
        return b;
    }

    static String toolName(String argv0) {
        return baseName(argv0).toLowerCase(Locale.ROOT);
    }
}
