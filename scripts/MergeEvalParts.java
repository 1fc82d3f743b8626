import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.g2d2.core.metrics.MeanInterval;

/**
 * Joins the per-image CSVs of an evaluation split into parts (`eval --skip K --images N`, one
 * output folder per part) into one table: per method the mean ± 95% Student-t half-width over all
 * images of PSNR, PSNR in the hole (when present), SSIM and residual ratio, and the paired
 * difference of the first method against each other one (same image, same y), with its interval.
 *
 * <p>Usage: {@code java -cp target/classes scripts/MergeEvalParts.java DIR...} (1 seed per image).
 */
public final class MergeEvalParts {

    public static void main(String[] args) throws Exception {
        Map<String, List<double[]>> rows = new LinkedHashMap<>();      // method -> per image {psnr, hole, ssim, residual}
        int images = 0;
        for (String dir : args) {
            List<String> lines = Files.readAllLines(Path.of(dir, "per-image.csv"));
            String[] header = lines.get(0).split(",", -1);
            int hole = List.of(header).indexOf("hole_psnr");
            int partImages = 0;
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                partImages = Math.max(partImages, Integer.parseInt(f[0]) + 1);
                rows.computeIfAbsent(f[3], k -> new ArrayList<>()).add(new double[] {cap(f[4]),
                    hole < 0 || f[hole].isEmpty() ? Double.NaN : cap(f[hole]), Double.parseDouble(f[5]),
                    Double.parseDouble(f[8])});
            }
            images += partImages;
        }
        boolean withHole = !Double.isNaN(rows.values().iterator().next().get(0)[1]);
        System.out.printf(Locale.ROOT, "%d images%n%n| method | PSNR (dB) |%s SSIM | residual ratio |%n|---|---:|%s---:|---:|%n",
                images, withHole ? " PSNR in hole (dB) |" : "", withHole ? "---:|" : "");
        for (Map.Entry<String, List<double[]>> e : rows.entrySet()) {
            System.out.printf(Locale.ROOT, "| %s | %s |%s %s | %s |%n", e.getKey(), column(e.getValue(), 0, 2),
                    withHole ? " " + column(e.getValue(), 1, 2) + " |" : "", column(e.getValue(), 2, 3),
                    column(e.getValue(), 3, 2));
        }
        String first = rows.keySet().iterator().next();
        int metric = withHole ? 1 : 0;
        System.out.printf(Locale.ROOT, "%n| paired difference (%s) | %s − other, dB |%n|---|---:|%n",
                withHole ? "PSNR in hole" : "PSNR", first);
        for (String other : rows.keySet()) {
            if (other.equals(first)) {
                continue;
            }
            List<double[]> a = rows.get(first);
            List<double[]> b = rows.get(other);
            double[] d = new double[a.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = a.get(i)[metric] - b.get(i)[metric];
            }
            System.out.printf(Locale.ROOT, "| vs %s | %s |%n", other, MeanInterval.of95(d).format(2));
        }
    }

    // an exact restoration has infinite PSNR; the eval caps means at 100 dB too
    private static double cap(String v) {
        return Math.min(Double.parseDouble(v), 100);
    }

    private static String column(List<double[]> rows, int k, int decimals) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rows.get(i)[k];
        }
        return MeanInterval.of95(v).format(decimals);
    }
}
