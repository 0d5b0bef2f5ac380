/**
 * Shell command analysis (SPEC §7): what a child process will send, and where.
 *
 * <p>{@link dev.egressguard.engine.shell.CommandAnalyzer} is the entry. The path of one argv:
 * <ol>
 *   <li>{@code CommandDispatcher} names the command (basename, no {@code .exe}), unwraps wrappers
 *       ({@code sudo env timeout nice stdbuf nohup doas xargs busybox command exec time}), and sends
 *       shell scripts ({@code sh -c}, {@code cmd /c}, PowerShell) to be parsed;</li>
 *   <li>{@code ShellParser} reads sh syntax into {@code ShellSyntax}; {@code ScriptAnalyzer} walks
 *       it with {@code WordExpander}, tracking literal variables, the working directory and each
 *       command's stdin ({@code StdinSource}), and flags what hides the command being run;</li>
 *   <li>one parser per tool family ({@code CurlParser}, {@code WgetParser}, {@code SocketToolParsers},
 *       {@code RemoteShellParsers}, {@code FileTransferParsers}, {@code HttpieParser},
 *       {@code PowerShellAnalyzer}, {@code InterpreterParser}) fills a {@code ToolCall} with
 *       destinations ({@code Urls}) and payloads.</li>
 * </ol>
 * Content inspection of the payloads is not done here: the decision engine's Inspector does it.
 */
package dev.egressguard.engine.shell;
