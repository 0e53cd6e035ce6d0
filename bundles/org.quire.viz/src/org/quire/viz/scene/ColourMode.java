package org.quire.viz.scene;

/** How point clouds are coloured. Meshes always take their item colour. */
public enum ColourMode {
    /** By scalars when the cloud has them, else by its rgb colours, else in its item colour. */
    AUTO,
    /** By rgb colours when the cloud has them, else in its item colour. */
    RGB,
    /** By scalars through the colour map when the cloud has them, else in its item colour. */
    SCALAR,
    /** Every cloud in its item colour (one palette colour per item). */
    UNIFORM
}
