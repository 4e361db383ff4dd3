package io.jgym.runs.process;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start another JVM like this one: the same {@code java}, the same JVM options (heap and
 * collector settings, {@code -D} properties such as the git commit) and the same class path, with a
 * given main class. Debugger and profiler agents and the option that writes a class-data archive
 * are left out: they belong to this process only.
 *
 * @param java       the java executable
 * @param jvmOptions options placed before the main class
 * @param classPath  the class path
 * @param mainClass  the class whose {@code main} runs
 */
public record ChildJvm(Path java, List<String> jvmOptions, String classPath, String mainClass) {
    /** The main class of jgym's command line, which runs {@code train}. */
    public static final String JGYM_MAIN = "io.jgym.launcher.JgymCommand";

    public ChildJvm {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** A JVM like the current one, running jgym's command line. */
    public static ChildJvm likeThisOne() {
        return likeThisOne(JGYM_MAIN);
    }

    /** A JVM like the current one, running {@code mainClass}. */
    public static ChildJvm likeThisOne(String mainClass) {
        Path java = ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
        List<String> options = new ArrayList<>();
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!privateToThisProcess(option)) {
                options.add(option);
            }
        }
        return new ChildJvm(java, options, System.getProperty("java.class.path"), mainClass);
    }

    /** The command line that runs {@code arguments} in such a JVM. */
    public List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    private static boolean privateToThisProcess(String option) {
        return option.startsWith("-agentlib:") || option.startsWith("-javaagent:") || option.startsWith("-agentpath:")
                || option.startsWith("-XX:ArchiveClassesAtExit") || option.startsWith("-XX:+AutoCreateSharedArchive");
    }
}
