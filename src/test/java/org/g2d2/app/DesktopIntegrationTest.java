package org.g2d2.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.g2d2.app.files.RunBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Open with G2D2 Workbench" from a file manager: the installer's desktop entry offers the
 * workbench for the image types it reads and passes the file, and {@code g2d2 FILE} opens the
 * window on it while every other argument list stays a command. No screen is needed.
 */
class DesktopIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void theDesktopEntryIsNamedForPeopleDeclaresTheImageTypesTheAppReadsAndPassesTheFile() throws Exception {
        Map<String, String> entry = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("installer/linux/g2d2.desktop"))) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                entry.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        assertThat(entry.get("Name")).isEqualTo("G2D2 Workbench");
        assertThat(entry.get("Exec")).isEqualTo("/opt/g2d2/bin/g2d2 %f");
        Set<String> declared = new TreeSet<>(Arrays.asList(entry.get("MimeType").split(";")));
        Set<String> readable = new TreeSet<>(Arrays.asList(ImageIO.getReaderMIMETypes()));
        assertThat(declared).isEqualTo(readable);
    }

    @Test
    void oneArgumentNamingAnImageOrBundleOpensTheWindowAnythingElseIsACommand() throws Exception {
        Path png = Files.copy(Path.of("models/toy/samples/toy-01.png"), dir.resolve("Photo Scan.PNG"));
        Path bundle = Files.writeString(dir.resolve("run" + RunBundle.EXTENSION), "zip");
        Path text = Files.writeString(dir.resolve("notes.txt"), "not an image");
        Path folder = Files.createDirectories(dir.resolve("folder.png"));

        assertThat(WorkbenchLauncher.wantsWindow(new String[0])).isTrue();
        assertThat(WorkbenchLauncher.fileToOpen(new String[] {png.toString()})).contains(png.toAbsolutePath());
        assertThat(WorkbenchLauncher.wantsWindow(new String[] {bundle.toString()})).isTrue();

        assertThat(WorkbenchLauncher.wantsWindow(new String[] {dir.resolve("missing.png").toString()})).isFalse();
        assertThat(WorkbenchLauncher.wantsWindow(new String[] {text.toString()})).isFalse();
        assertThat(WorkbenchLauncher.wantsWindow(new String[] {folder.toString()})).isFalse();
        assertThat(WorkbenchLauncher.wantsWindow(new String[] {"restore"})).isFalse();
        assertThat(WorkbenchLauncher.wantsWindow(new String[] {"--version"})).isFalse();
        assertThat(WorkbenchLauncher.wantsWindow(new String[] {"restore", "--input", png.toString()})).isFalse();
        assertThat(WorkbenchLauncher.wantsWindow(new String[] {png.toString(), png.toString()})).isFalse();
    }
}
