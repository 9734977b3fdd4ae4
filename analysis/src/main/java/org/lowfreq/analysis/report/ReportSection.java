package org.lowfreq.analysis.report;

/** One section of the report page; a section that throws is replaced by a warning box. */
interface ReportSection {
    /** Short name for the navigation bar and warnings. */
    String name();

    /** The anchor id of the section's heading. */
    String anchor();

    void draw(HtmlPage page);
}
