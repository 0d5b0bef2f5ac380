package dev.egressguard.engine.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.egressguard.engine.shell.ShellSyntax.Group;
import dev.egressguard.engine.shell.ShellSyntax.Pipeline;
import dev.egressguard.engine.shell.ShellSyntax.Script;
import dev.egressguard.engine.shell.ShellSyntax.SimpleCommand;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ShellParserTest {

    /** The argv of every simple command, in order, expanded with an empty environment; commands joined with " / ". */
    private static String commands(String script) {
        ShellParser.Result r = ShellParser.parse(script);
        assertNull(r.error, "parses: " + r.error);
        List<String> out = new ArrayList<>();
        collect(r.script, out);
        return String.join(" / ", out);
    }

    private static void collect(Script s, List<String> out) {
        for (Pipeline p : s.pipelines) {
            for (ShellSyntax.Command c : p.commands) {
                if (c instanceof Group) {
                    collect(((Group) c).body, out);
                } else {
                    List<String> words = new ArrayList<>();
                    for (ShellSyntax.Word w : ((SimpleCommand) c).words) {
                        for (Arg a : WordExpander.expand(w, new ShellEnvironment(null), 0)) words.add("<" + a.text + ">");
                    }
                    out.add(String.join("", words));
                }
            }
        }
    }

    static Stream<Arguments> scripts() {
        return Stream.of(
                Arguments.of("echo a b", "<echo><a><b>"),
                Arguments.of("echo 'a b' \"c d\"", "<echo><a b><c d>"),
                Arguments.of("echo a\\ b", "<echo><a b>"),
                Arguments.of("echo \"a\\\"b\\$c\\\\d\\e\"", "<echo><a\"b$c\\d\\e>"),
                Arguments.of("echo $'a\\tb\\x41\\u00e9\\101\\''", "<echo><a\tbA\u00e9A'>"),
                Arguments.of("echo x#y # comment", "<echo><x#y>"),
                Arguments.of("a; b && c || d | e & f", "<a> / <b> / <c> / <d> / <e> / <f>"),
                Arguments.of("a\nb", "<a> / <b>"),
                Arguments.of("(a; b) | { c; }", "<a> / <b> / <c>"),
                Arguments.of("FOO=bar cmd arg", "<cmd><arg>"),
                Arguments.of("cmd >out 2>&1 <in", "<cmd>"),
                Arguments.of("echo $HOME ${X:-dflt}", "<echo><$HOME><dflt>"),
                Arguments.of("echo \"$(date)\" `id`", "<echo><$(date)><`id`>"),
                Arguments.of("echo ''", "<echo><>"),
                Arguments.of("echo a\\\nb", "<echo><ab>"),
                Arguments.of("f() { a; }; f", "<a> / <f>"),
                Arguments.of("case x in a|b) c;; *) d;; esac", "<case><x> / <c> / <d>"),
                Arguments.of("cat <<EOF | sh\nline $X\nEOF\necho after", "<cat> / <sh> / <echo><after>"),
                Arguments.of("echo $((1+2)) x", "<echo><$((1+2))><x>"),
                Arguments.of("diff <(ls a) <(ls b)", "<diff><<(ls a)><<(ls b)>"),
                Arguments.of("if a; then b; elif c; then d; else e; fi", "<if><a> / <then><b> / <elif><c> / <then><d> / <else><e> / <fi>"),
                Arguments.of("while read l; do echo \"$l\"; done < f", "<while><read><l> / <do><echo><$l> / <done>"));
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void parsesCommands(String script, String expected) {
        assertEquals(expected, commands(script));
    }

    @Test
    void heredocBodyIsAttachedToItsRedirect() {
        ShellParser.Result r = ShellParser.parse("cat <<-EOF > f\n\tone $X\n\tEOF\nnext");
        assertNull(r.error);
        SimpleCommand cat = (SimpleCommand) r.script.pipelines.get(0).commands.get(0);
        ShellSyntax.Redirect heredoc = cat.redirects.get(0);
        assertTrue(heredoc.isHereDoc());
        ShellEnvironment env = new ShellEnvironment(null);
        env.set("X", "val");
        assertEquals("one val\n", WordExpander.expandSingle(heredoc.hereDoc, env, 0).text);
        assertEquals(2, r.script.pipelines.size());
    }

    @Test
    void quotedHeredocIsLiteral() {
        ShellParser.Result r = ShellParser.parse("cat <<'EOF'\n$(rm -rf /)\nEOF\n");
        SimpleCommand cat = (SimpleCommand) r.script.pipelines.get(0).commands.get(0);
        assertEquals("$(rm -rf /)\n", cat.redirects.get(0).hereDoc.literal());
    }

    @Test
    void commandSubstitutionIsParsedRecursively() {
        ShellParser.Result r = ShellParser.parse("echo \"$(curl -s \"https://x/$(id -u)\")\"");
        assertNull(r.error);
        SimpleCommand echo = (SimpleCommand) r.script.pipelines.get(0).commands.get(0);
        ShellSyntax.CommandSub sub = (ShellSyntax.CommandSub) echo.words.get(1).parts.get(0);
        SimpleCommand curl = (SimpleCommand) sub.script.pipelines.get(0).commands.get(0);
        assertEquals("curl", curl.words.get(0).literal());
        assertTrue(curl.words.get(2).hasCommandSubstitution());
    }

    @Test
    void assignmentsArePrefixesOnly() {
        ShellParser.Result r = ShellParser.parse("A=1 B=\"2 3\" env C=4");
        SimpleCommand c = (SimpleCommand) r.script.pipelines.get(0).commands.get(0);
        assertEquals(2, c.assignments.size());
        assertEquals("B", c.assignments.get(1).name);
        assertEquals(2, c.words.size());
        assertEquals("C=4", c.words.get(1).literal());
    }

    @Test
    void errorsKeepWhatWasParsed() {
        ShellParser.Result r = ShellParser.parse("curl https://x.example; echo 'unterminated");
        assertFalse(r.ok());
        assertEquals(2, r.script.pipelines.size());
        assertInstanceOf(SimpleCommand.class, r.script.pipelines.get(0).commands.get(0));
    }

    @Test
    void boundsAreErrorsNotExceptions() {
        assertFalse(ShellParser.parse("x".repeat(ShellParser.MAX_SCRIPT_CHARS + 1)).ok());
        assertFalse(ShellParser.parse("( ".repeat(100) + "a" + " )".repeat(100)).ok());
        assertTrue(ShellParser.parse("( ".repeat(10) + "a" + " )".repeat(10)).ok());
        for (String bad : List.of(")", "a |", "{ a", "a; ;; b", "a &&", "$(", "`", "\"", "${", "a <", "case x in")) {
            assertFalse(ShellParser.parse(bad).ok(), bad);
        }
    }
}
