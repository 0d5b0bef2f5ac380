package dev.egressguard.engine.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Raw-socket tools: nc/ncat/netcat, socat, telnet (MITRE T1048). They send what is on their stdin. */
final class SocketToolParsers {
    private SocketToolParsers() {}

    private static final String NC_SHORT_WITH_VALUE = "cegGiIMmOpqsTVwWxXP";
    private static final Set<String> NC_LONG_WITH_VALUE = Set.of(
            "exec", "sh-exec", "lua-exec", "proxy", "proxy-type", "proxy-auth", "proxy-dns", "source-port", "source",
            "wait", "idle-timeout", "delay", "max-conns", "allow", "allowfile", "deny", "denyfile", "output",
            "hex-dump", "append-output", "ssl-cert", "ssl-key", "ssl-trustfile", "ssl-ciphers", "ssl-servername",
            "ssl-alpn", "i", "w");

    static NetworkInvocation nc(ToolCall call) {
        List<Arg> positional = new ArrayList<>();
        final boolean[] udp = {false};
        final boolean[] listen = {false};
        final boolean[] scan = {false};
        Options.scan(call.args, 1, NC_SHORT_WITH_VALUE, NC_LONG_WITH_VALUE, new Options.Handler() {
            @Override
            public void option(String name, String value, Arg from) {
                if (name.equals("-u") || name.equals("--udp")) udp[0] = true;
                if (name.equals("-l") || name.equals("--listen")) listen[0] = true;
                if (name.equals("-z")) scan[0] = true;
            }

            @Override
            public void positional(Arg arg) {
                positional.add(arg);
            }
        });
        String scheme = udp[0] ? "udp" : "tcp";
        if (!listen[0] && !positional.isEmpty()) {
            String host = positional.get(0).text;
            String port = positional.size() > 1 ? positional.get(1).text : null;
            call.host(scheme, host, port);
        }
        if (!scan[0]) call.stdin(false);
        return call.finish(false);
    }

    static NetworkInvocation socat(ToolCall call) {
        List<Arg> addresses = new ArrayList<>();
        for (int i = 1; i < call.args.size(); i++) {
            Arg a = call.args.get(i);
            String t = a.text;
            if (t.length() > 1 && t.startsWith("-")) {
                if (t.equals("-t") || t.equals("-T") || t.equals("-b") || t.equals("-lf") || t.equals("-lp")) i++;
                continue;
            }
            addresses.add(a);
        }
        for (Arg a : addresses) socatAddress(call, a);
        return call.finish(false);
    }

    private static void socatAddress(ToolCall call, Arg a) {
        String t = a.text;
        if (t.equals("-") || t.equalsIgnoreCase("STDIN") || t.equalsIgnoreCase("STDIO") || t.equalsIgnoreCase("FD:0")) {
            call.stdin(false);
            return;
        }
        int colon = t.indexOf(':');
        if (colon < 0) return;
        String type = t.substring(0, colon).toUpperCase(Locale.ROOT);
        String params = t.substring(colon + 1);
        int comma = params.indexOf(',');
        if (comma >= 0) params = params.substring(0, comma);
        switch (type) {
            case "TCP": case "TCP4": case "TCP6": case "TCP-CONNECT": case "TCP4-CONNECT": case "TCP6-CONNECT":
            case "OPENSSL": case "OPENSSL-CONNECT": case "SSL": case "SCTP-CONNECT":
                hostPort(call, "tcp", params);
                break;
            case "UDP": case "UDP4": case "UDP6": case "UDP-CONNECT": case "UDP4-CONNECT": case "UDP6-CONNECT":
            case "UDP-SENDTO": case "UDP4-SENDTO": case "UDP6-SENDTO": case "UDP-DATAGRAM": case "UDP4-DATAGRAM":
                hostPort(call, "udp", params);
                break;
            case "SOCKS4": case "SOCKS4A": case "SOCKS5": case "SOCKS5-CONNECT": case "PROXY": case "PROXY-CONNECT": {
                // The proxy is not the destination (SPEC §7); what it connects on to is.
                int first = params.indexOf(':');
                if (first >= 0) hostPort(call, "tcp", params.substring(first + 1));
                break;
            }
            case "OPEN": case "FILE": case "GOPEN": case "CREATE":
                call.file(a, params, false);
                break;
            case "EXEC": case "SYSTEM":
                // Another program's output is sent: its text is known only at run time.
                call.payload(new Payload("stdin", null, false, false, -1));
                break;
            default:
        }
    }

    private static void hostPort(ToolCall call, String scheme, String hostPort) {
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close > 0) {
                String rest = hostPort.substring(close + 1);
                call.host(scheme, hostPort.substring(1, close), rest.startsWith(":") ? rest.substring(1) : null);
            }
            return;
        }
        int c = hostPort.lastIndexOf(':');
        if (c < 0) call.host(scheme, hostPort, null);
        else call.host(scheme, hostPort.substring(0, c), hostPort.substring(c + 1));
    }

    /** {@code openssl s_client -connect host:port}: a TLS socket that sends stdin. */
    static NetworkInvocation opensslClient(ToolCall call) {
        List<Arg> args = call.args;
        String host = null;
        String port = null;
        for (int i = 2; i < args.size(); i++) {
            String t = args.get(i).text;
            String next = i + 1 < args.size() ? args.get(i + 1).text : null;
            if (t.equals("-connect") && next != null) {
                hostPort(call, "tcp", next);
                i++;
            } else if (t.equals("-host") && next != null) {
                host = next;
                i++;
            } else if (t.equals("-port") && next != null) {
                port = next;
                i++;
            }
        }
        if (host != null) call.host("tcp", host, port == null ? "443" : port);
        call.stdin(false);
        return call.finish(false);
    }

    static NetworkInvocation telnet(ToolCall call) {
        List<Arg> positional = new ArrayList<>();
        Options.scan(call.args, 1, "beklnsSX", Set.of(), new Options.Handler() {
            @Override
            public void option(String name, String value, Arg from) {}

            @Override
            public void positional(Arg arg) {
                positional.add(arg);
            }
        });
        if (!positional.isEmpty()) {
            call.host("telnet", positional.get(0).text, positional.size() > 1 ? positional.get(1).text : null);
        }
        if (call.stdin.explicit()) call.stdin(false);
        return call.finish(false);
    }
}
