package org.g2d2.app.vm;

import org.g2d2.core.Image;
import org.g2d2.core.Restorer;

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
        return run.start(spec, (listener, cancelled) -> {
            Image in = PreviewModel.restorerInput(spec.source(), spec.mode(), spec.operator());
            Restorer.Request request = new Restorer.Request(in, spec.mode(), spec.operator(), spec.noiseSigma(),
                    spec.settings());
            LoadedPack[] used = {p};
            Restorer.Outcome outcome = DeviceFallback.run(p.onGpu(),
                    () -> p.restorer().restore(request, listener, cancelled),
                    () -> {
                        LoadedPack cpu = LoadedPack.load(p.dir(), "cpu");
                        used[0] = cpu;
                        workers.ui().execute(() -> session.switchToCpu(cpu));
                        return cpu.restorer().restore(request, listener, cancelled);
                    },
                    message -> workers.ui().execute(() -> messages.noticeProperty().set(message)));
            return new RunResult(spec, in, outcome, used[0].device());
        });
    }
}
