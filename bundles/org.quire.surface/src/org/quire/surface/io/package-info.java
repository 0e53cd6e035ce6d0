/**
 * Files of the surface family: query-point CSV files ({@code x,y,z}) and the model file written by {@code surface.fit}
 * (a CSV table {@code tensor,row,col,value}, see {@link org.quire.surface.io.ModelTable}).
 */
package org.quire.surface.io;
