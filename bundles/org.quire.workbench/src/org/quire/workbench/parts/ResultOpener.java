package org.quire.workbench.parts;

import jakarta.inject.Inject;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.quire.workbench.QuireIds;
import org.quire.workbench.model.RunRecord;

/**
 * Opens the Result part of a run in the results stack, or brings it to the top when it is open.
 * Created with the window's context (it needs the window's part service).
 */
public final class ResultOpener {

    @Inject
    private EPartService partService;
    @Inject
    private EModelService modelService;
    @Inject
    private MApplication application;

    /** Shows the run's Result part, creating it if needed; returns the part. */
    public MPart open(RunRecord run) {
        String number = Integer.toString(run.number());
        for (MPart existing : partService.getParts()) {
            if (QuireIds.RESULT_PART.equals(existing.getElementId())
                    && number.equals(existing.getPersistedState().get(QuireIds.RUN_NUMBER))) {
                partService.showPart(existing, PartState.VISIBLE);
                return existing;
            }
        }
        MPart part = partService.createPart(QuireIds.RESULT_PART);
        part.getPersistedState().put(QuireIds.RUN_NUMBER, number);
        part.setLabel("#" + number + " " + run.descriptor().name());
        part.setTooltip(run.label() + ": " + run.stateText());
        MPartStack stack = (MPartStack) modelService.find(QuireIds.RESULTS_STACK, application);
        stack.getChildren().add(part);
        stack.setVisible(true);
        stack.setToBeRendered(true);
        partService.showPart(part, PartState.VISIBLE);
        return part;
    }
}
