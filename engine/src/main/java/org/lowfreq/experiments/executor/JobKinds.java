package org.lowfreq.experiments.executor;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lowfreq.spi.UserInputException;

/** The job kinds by name. */
public final class JobKinds {
    private final Map<String, JobKind> kinds;

    /** The command line supplies the kinds (train, probe, attack, report); names must be distinct. */
    public JobKinds(Collection<? extends JobKind> kinds) {
        this.kinds = kinds.stream().collect(Collectors.toUnmodifiableMap(JobKind::name, Function.identity()));
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
