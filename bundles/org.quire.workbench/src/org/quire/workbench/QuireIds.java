package org.quire.workbench;

/** Ids of the application model elements (see {@code Application.e4xmi}) and keys of values in the e4 context. */
public final class QuireIds {

    /** The product, as in {@code -product org.quire.workbench.product}. */
    public static final String PRODUCT = "org.quire.workbench.product";
    /** The application model. */
    public static final String APPLICATION = "org.quire.workbench.application";
    /** The main window. */
    public static final String MAIN_WINDOW = "org.quire.workbench.window.main";
    /** The Algorithms part. */
    public static final String ALGORITHMS_PART = "org.quire.workbench.part.algorithms";
    /** The Parameters part. */
    public static final String PARAMETERS_PART = "org.quire.workbench.part.parameters";
    /** The Runs part. */
    public static final String RUNS_PART = "org.quire.workbench.part.runs";
    /** The part descriptor of Result parts (one per run). */
    public static final String RESULT_PART = "org.quire.workbench.partdescriptor.result";
    /** The editor-like part stack that receives Result parts. */
    public static final String RESULTS_STACK = "org.quire.workbench.partstack.results";
    /** The progress tool control in the bottom trim. */
    public static final String PROGRESS_CONTROL = "org.quire.workbench.toolcontrol.progress";

    /** Context key (application context) of the id of the algorithm chosen in the Algorithms part, a {@code String}. */
    public static final String SELECTED_ALGORITHM = "org.quire.workbench.selectedAlgorithm";
    /** Persisted-state key of a Result part: the run number it shows. */
    public static final String RUN_NUMBER = "org.quire.workbench.runNumber";

    private QuireIds() {
    }
}
