package org.quire.workbench.handlers;

import java.util.Optional;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.quire.workbench.QuireIds;
import org.quire.workbench.parts.ParametersPart;

/** Finds the workbench's parts for handlers. */
final class Parts {

    private Parts() {
    }

    /** The Parameters part's object, if it has been created. */
    static Optional<ParametersPart> parameters(EPartService partService) {
        MPart part = partService.findPart(QuireIds.PARAMETERS_PART);
        return part != null && part.getObject() instanceof ParametersPart p ? Optional.of(p) : Optional.empty();
    }
}
