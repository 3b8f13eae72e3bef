package dev.kobj.ipc;

import static java.util.Objects.requireNonNull;

import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.ProcessListener;
import dev.kobj.api.section.SectionService;
import jakarta.inject.Inject;

/** Process rundown for sections: the views a process still has are unmapped when it exits. */
final class SectionRundown implements ProcessListener {
    private final SectionService sections;

    @Inject
    SectionRundown(SectionService sections) {
        this.sections = requireNonNull(sections, "sections is null");
    }

    @Override
    public void processExited(KProcess process, int exitCode) {
        sections.unmapAll(process);
    }
}
