package org.g2d2.cli;

import com.google.gson.JsonObject;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.io.PackManifest;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.sampler.SamplerSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Sampler options shared by commands: a preset from the pack, then any setting given explicitly.
 */
public final class SamplerOptions {

    @Option(names = "--preset", defaultValue = "auto", description = "Pack preset: auto (the task's preset: blur, "
            + "sr2/sr4), interactive, paper, ... Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--steps", description = "N, inference steps.")
    Integer steps;

    @Option(names = "--iterations", description = "M, optimiser iterations per step.")
    Integer iterations;

    @Option(names = "--kl", description = "KL coefficient lambda.")
    Double kl;

    @Option(names = "--kl-decay", description = "KL schedule exponent w_kl (0 = constant).")
    Double klDecay;

    @Option(names = "--temperature", description = "Gumbel-softmax temperature tau.")
    Double temperature;

    @Option(names = "--lr", description = "Learning rate of RAdam on the logits.")
    Double lr;

    @Option(names = "--lr-decay", description = "Learning-rate schedule exponent w_lr (0 = constant).")
    Double lrDecay;

    @Option(names = "--forget", description = "Forget coefficient f in [0, 1].")
    Double forget;

    @Option(names = "--process", description = "star (star-shaped, re-masks) or markov (absorbing).")
    String process;

    @Option(names = "--seed", description = "Seed of every random draw (default 0).")
    Long seed;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * Defaults, then the preset, then the explicit options. With {@code --preset auto} and a pack
     * without a preset for the task, the paper's settings for the task stand, and a note on the
     * command's error stream says so.
     */
    public SamplerSettings resolve(PackManifest manifest, OperatorSpec op) {
        SamplerSettings s = paperSettings(op);
        String name = "auto".equals(preset) ? taskPreset(op) : preset;
        JsonObject p = name == null || manifest.presets() == null ? null : manifest.presets().get(name);
        if (p == null && !"auto".equals(preset)) {
            throw new InvalidInputException("preset '" + name + "' is not in pack " + manifest.name()
                    + "; it has " + (manifest.presets() == null ? "none" : manifest.presets().keySet()));
        }
        if (p != null) {
            s = s.overriddenBy(p);
        } else if (command != null) {
            command.commandLine().getErr().println("note: " + fallbackNote(manifest, op, name));
            command.commandLine().getErr().flush();
        }
        return s.overriddenBy(explicit());
    }

    /** The settings given explicitly on the command line (a branch changes just these). */
    public JsonObject explicit() {
        JsonObject o = new JsonObject();
        if (steps != null) {
            o.addProperty("steps", steps);
        }
        if (iterations != null) {
            o.addProperty("iterations", iterations);
        }
        if (kl != null) {
            o.addProperty("kl", kl);
        }
        if (klDecay != null) {
            o.addProperty("klDecay", klDecay);
        }
        if (temperature != null) {
            o.addProperty("temperature", temperature);
        }
        if (lr != null) {
            o.addProperty("lr", lr);
        }
        if (lrDecay != null) {
            o.addProperty("lrDecay", lrDecay);
        }
        if (forget != null) {
            o.addProperty("forget", forget);
        }
        if (process != null) {
            o.addProperty("process", process);
        }
        if (seed != null) {
            o.addProperty("seed", seed);
        }
        return o;
    }

    /** The paper's settings for the operator's task: SR's for super-resolution, blur's otherwise. */
    static SamplerSettings paperSettings(OperatorSpec op) {
        return switch (op.kind()) {
            case SR, SR_BOX -> SamplerSettings.PAPER_SR;
            case BLUR, IDENTITY, KERNEL, INPAINT, SATURATE -> SamplerSettings.PAPER_BLUR;
        };
    }

    /** What stands in for a missing task preset, in words. */
    static String fallbackNote(PackManifest manifest, OperatorSpec op, String name) {
        String task = name == null ? "this operator" : "preset '" + name + "'";
        String paper = op.kind() == OperatorSpec.Kind.SR || op.kind() == OperatorSpec.Kind.SR_BOX
                ? "super-resolution" : "deblurring";
        return "pack " + manifest.name() + " has no " + task + "; using the paper's " + paper + " settings ("
                + paperSettings(op).summary() + "); --preset picks another";
    }

    /**
     * The preset named after the task: "blur", "sr2"/"sr4" (sr-box uses the sr one); a kernel blur,
     * inpainting and over-exposure use the blur one (same image size, a measurement at full size).
     */
    static String taskPreset(OperatorSpec op) {
        return switch (op.kind()) {
            case BLUR, KERNEL, INPAINT, SATURATE -> "blur";
            case SR, SR_BOX -> "sr" + op.scale();
            case IDENTITY -> null;
        };
    }
}
