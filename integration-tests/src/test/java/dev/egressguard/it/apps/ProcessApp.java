package dev.egressguard.it.apps;

import java.io.File;
import java.util.Arrays;
import java.util.List;

/**
 * Child processes: {@code <builder|exec-string|exec-array> <argv>...}: one process started with
 * {@code ProcessBuilder.start}, {@code Runtime.exec(String)} (argv joined with spaces) or
 * {@code Runtime.exec(String[])}; prints {@code RESULT status=<exit code>} and the child's stdout as
 * {@code OUT <line>}.
 */
public final class ProcessApp {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        List<String> argv = Arrays.asList(args).subList(1, args.length);
        try {
            Process process;
            if (mode.equals("exec-string")) {
                process = Runtime.getRuntime().exec(String.join(" ", argv));
            } else if (mode.equals("exec-array")) {
                process = Runtime.getRuntime().exec(argv.toArray(new String[0]));
            } else {
                process = new ProcessBuilder(argv).directory(new File(".")).redirectErrorStream(true).start();
            }
            String out = new String(process.getInputStream().readAllBytes());
            int status = process.waitFor();
            for (String line : out.split("\n")) {
                if (!line.isEmpty()) {
                    System.out.println("OUT " + line);
                }
            }
            AppOutput.status(status);
        } catch (Exception e) {
            AppOutput.error(e);
        }
    }
}
