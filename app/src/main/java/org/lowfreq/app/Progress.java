package org.lowfreq.app;

import java.util.concurrent.atomic.AtomicReference;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.lowfreq.spi.ProgressListener;

/** Makes {@link ProgressListener}s that draw progress bars on the terminal (me.tongfei progressbar). */
public final class Progress {
    private final boolean enabled;

    public Progress(boolean enabled) {
        this.enabled = enabled;
    }

    /** A listener that draws one bar per started task; {@link ProgressListener#NONE} when quiet. */
    public ProgressListener listener() {
        return enabled ? new BarListener() : ProgressListener.NONE;
    }

    private static final class BarListener implements ProgressListener {
        private final AtomicReference<ProgressBar> bar = new AtomicReference<>();

        @Override
        public synchronized void start(String task, long total) {
            finish();
            bar.set(new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).setMaxRenderedLength(110)
                    .showSpeed().build());
        }

        @Override
        public void advance(long steps) {
            ProgressBar b = bar.get();
            if (b != null) {
                b.stepBy(steps);
            }
        }

        @Override
        public void status(String text) {
            ProgressBar b = bar.get();
            if (b != null) {
                b.setExtraMessage(" " + text);
            }
        }

        @Override
        public synchronized void finish() {
            ProgressBar b = bar.getAndSet(null);
            if (b != null) {
                b.close();
            }
        }
    }
}
