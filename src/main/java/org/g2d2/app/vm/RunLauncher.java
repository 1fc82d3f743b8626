package org.g2d2.app.vm;

import java.util.List;
import java.util.function.Function;
import org.g2d2.core.Image;
import org.g2d2.core.Restorer;
import org.g2d2.core.model.TokenLayout;
import org.g2d2.core.sampler.SamplerState;

/**
 * Starts a restoration on the pack in use. When the GPU runs out of memory the pack is loaded on
 * the CPU and the same request runs again there, with a notice; the session then stays on the CPU.
 */
final class RunLauncher {

    private final Workers workers;
    private final RunModel run;
    private final PackSession session;
    private final Messages messages;

    RunLauncher(Workers workers, RunModel run, PackSession session, Messages messages) {
        this.workers = workers;
        this.run = run;
        this.session = session;
        this.messages = messages;
    }

    boolean start(RunSpec spec) {
        LoadedPack p = session.packProperty().get();
        SizeModel.Size size = spec.restoredSize();
        TokenLayout layout = p.restorer().layout(size.height(), size.width());
        boolean keepStates = SamplerState.affordable(layout.grid().length(), p.pack().grid().codebookSize(),
                spec.settings().steps());
        return run.start(spec, List.of(), keepStates, (listener, cancelled) -> {
            Image in = PreviewModel.restorerInput(spec.source(), spec.mode(), spec.operator());
            Restorer.Request request = new Restorer.Request(in, spec.mode(), spec.operator(), spec.noiseSigma(),
                    spec.settings());
            return onAnyDevice(p, spec, in, (restorer) -> restorer.restore(request, listener, cancelled));
        });
    }

    /**
     * Starts a branch: the steps after {@code from} with {@code spec}'s settings, on the measurement
     * of {@code original} (the request the branched family started with).
     */
    boolean startBranch(RunSpec spec, Restorer.Request original, BranchModel.BranchPoint from) {
        LoadedPack p = session.packProperty().get();
        return run.start(spec, from.prefix(), true, (listener, cancelled) -> onAnyDevice(p, spec, original.input(),
                restorer -> restorer.branch(original, from.state(), spec.settings(), listener, cancelled)));
    }

    private RunResult onAnyDevice(LoadedPack p, RunSpec spec, Image in, Function<Restorer, Restorer.Outcome> work)
            throws Exception {
        LoadedPack[] used = {p};
        Restorer.Outcome outcome = DeviceFallback.run(p.onGpu(),
                () -> work.apply(p.restorer()),
                () -> {
                    LoadedPack cpu = LoadedPack.load(p.dir(), "cpu");
                    used[0] = cpu;
                    workers.ui().execute(() -> session.switchToCpu(cpu));
                    return work.apply(cpu.restorer());
                },
                message -> workers.ui().execute(() -> messages.noticeProperty().set(message)));
        return new RunResult(spec, in, outcome, used[0].device());
    }
}
