package org.g2d2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.g2d2.core.EngineSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The saved engine folder is applied before the engine loads, in a fresh process (a process loads
 * one libtorch only, so this cannot run inside the test's own). The folder is a fake: the engine
 * must fail to load it with a report, not a crash.
 */
class EngineSettingsAppliedTest {

    @TempDir
    Path dir;

    @Test
    void aSavedFakeFolderIsLoadedByTheNextCommandAndReportedWithoutACrash() throws Exception {
        Path fake = Files.createDirectories(dir.resolve("fake-libtorch"));
        Files.createFile(fake.resolve("libtorch.so"));
        Files.createFile(fake.resolve("libc10.so"));
        Path config = dir.resolve("config");
        new EngineSettings(fake.toString(), "2.7.1", "cu128", null).save(config.resolve("g2d2").resolve("engine.json"));

        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.g2d2.Main", "engine");
        pb.environment().put("XDG_CONFIG_HOME", config.toString());
        pb.environment().remove("PYTORCH_LIBRARY_PATH");
        pb.environment().remove("PYTORCH_FLAVOR");
        pb.environment().remove("PYTORCH_VERSION");
        pb.redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = read(dir.resolve("err.txt"));
        assertThat(p.exitValue()).as(out + err).isEqualTo(1);
        assertThat(out).contains("engine:        PyTorch did not load: ").contains(fake.toString())
                .contains("chosen by:     settings file " + config.resolve("g2d2").resolve("engine.json"))
                .contains("settings:      " + config.resolve("g2d2").resolve("engine.json") + " -> " + fake);
        assertThat(out + err).doesNotContain("\tat ").doesNotContain("Exception");
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
