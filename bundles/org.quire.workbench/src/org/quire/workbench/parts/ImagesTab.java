package org.quire.workbench.parts;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.quire.api.result.Image;

/**
 * The Images tab of a Result part (only when the result has images): each image at its own size with its name
 * below, in a scrolled column. The SWT images are disposed with the tab. UI thread only.
 */
final class ImagesTab {
    private final List<org.eclipse.swt.graphics.Image> swtImages = new ArrayList<>();
    private final List<Label> pictures = new ArrayList<>();

    ImagesTab(CTabFolder tabs, List<Image> images) {
        CTabItem item = new CTabItem(tabs, SWT.NONE);
        item.setText("Images (" + images.size() + ")");
        ScrolledComposite scroller = new ScrolledComposite(tabs, SWT.V_SCROLL | SWT.H_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        Composite column = new Composite(scroller, SWT.NONE);
        column.setLayout(new GridLayout(1, false));
        for (Image image : images) {
            org.eclipse.swt.graphics.Image swt = new org.eclipse.swt.graphics.Image(tabs.getDisplay(), imageData(image));
            swtImages.add(swt);
            Label picture = new Label(column, SWT.NONE);
            picture.setImage(swt);
            picture.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
            pictures.add(picture);
            Label caption = new Label(column, SWT.NONE);
            caption.setText(image.name() + " (" + image.width() + " \u00d7 " + image.height() + " pixels)");
        }
        scroller.setContent(column);
        org.eclipse.swt.graphics.Point size = column.computeSize(SWT.DEFAULT, SWT.DEFAULT);
        scroller.setMinSize(size);
        scroller.getVerticalBar().setIncrement(40);
        item.setControl(scroller);
        scroller.addDisposeListener(e -> swtImages.forEach(org.eclipse.swt.graphics.Image::dispose));
    }

    /** The API image as 24-bit SWT image data with its alpha channel. */
    static ImageData imageData(Image image) {
        int w = image.width();
        int h = image.height();
        int[] argb = image.argb();
        ImageData data = new ImageData(w, h, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        byte[] alpha = new byte[w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = argb[y * w + x];
                row[x] = p & 0xFFFFFF;
                alpha[y * w + x] = (byte) (p >>> 24);
            }
            data.setPixels(0, y, w, row, 0);
        }
        data.alphaData = alpha;
        return data;
    }

    /** The labels showing the pictures, in image order. */
    List<Label> pictures() {
        return List.copyOf(pictures);
    }
}
