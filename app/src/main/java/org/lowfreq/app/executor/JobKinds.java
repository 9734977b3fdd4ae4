package org.lowfreq.app.executor;

import jakarta.inject.Inject;
import java.util.Map;
import org.lowfreq.spi.UserInputException;

/** The job kinds by name. */
public final class JobKinds {
    private final Map<String, JobKind> kinds;

    @Inject
    public JobKinds(TrainJobKind train, ProbeJobKind probe, AttackJobKind attack, ReportJobKind report) {
        kinds = Map.of(train.name(), train, probe.name(), probe, attack.name(), attack, report.name(), report);
    }

    public JobKind get(String kind) {
        JobKind k = kinds.get(kind);
        if (k == null) {
            throw new UserInputException("unknown job kind '" + kind + "'", "known: " + String.join(", ",
                    new java.util.TreeSet<>(kinds.keySet())));
        }
        return k;
    }
}
