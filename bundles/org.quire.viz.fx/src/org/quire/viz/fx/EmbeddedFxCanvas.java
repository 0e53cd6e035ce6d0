package org.quire.viz.fx;

import java.nio.IntBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;

import com.sun.javafx.cursor.CursorFrame;
import com.sun.javafx.embed.AbstractEvents;
import com.sun.javafx.embed.EmbeddedSceneInterface;
import com.sun.javafx.embed.EmbeddedStageInterface;
import com.sun.javafx.embed.HostInterface;
import com.sun.javafx.stage.EmbeddedWindow;

import javafx.scene.Scene;

/**
 * An SWT canvas hosting a JavaFX {@link Scene}: JavaFX renders the scene off screen ({@link EmbeddedWindow}),
 * the canvas copies its pixels on every paint, and forwards mouse, wheel, key and focus events to it. Needs
 * {@link FxPlatform#start()} first (JavaFX on the SWT thread). Built on JavaFX 21's internal embedding
 * interfaces ({@code com.sun.javafx.embed}); keep the JavaFX version pinned. The scene must have an opaque
 * fill (frames with a transparent bottom-right pixel count as partial). UI thread only, except the
 * repaint requests JavaFX's renderer sends, which are handed to the UI thread.
 */
public final class EmbeddedFxCanvas extends Canvas {

    private final Display display;
    private final EmbeddedWindow stage;
    private final AtomicBoolean redrawQueued = new AtomicBoolean();
    private volatile EmbeddedStageInterface stagePeer;
    private volatile EmbeddedSceneInterface scenePeer;
    private int[] lastFrame;
    private int frameWidth;
    private int frameHeight;
    private int frames;

    /** A canvas with no scene yet; JavaFX must be started. */
    public EmbeddedFxCanvas(Composite parent, int style) {
        super(parent, style | SWT.NO_BACKGROUND);
        display = parent.getDisplay();
        stage = new EmbeddedWindow(new Host());
        addListener(SWT.Paint, e -> paint(e.gc));
        addListener(SWT.Resize, e -> sendSize());
        addListener(SWT.Move, e -> sendSize());
        addListener(SWT.MouseDown, e -> mouse(e, AbstractEvents.MOUSEEVENT_PRESSED));
        addListener(SWT.MouseUp, e -> mouse(e, AbstractEvents.MOUSEEVENT_RELEASED));
        addListener(SWT.MouseMove, e -> mouse(e, (e.stateMask & SWT.BUTTON_MASK) != 0
                ? AbstractEvents.MOUSEEVENT_DRAGGED : AbstractEvents.MOUSEEVENT_MOVED));
        addListener(SWT.MouseEnter, e -> mouse(e, AbstractEvents.MOUSEEVENT_ENTERED));
        addListener(SWT.MouseExit, e -> mouse(e, AbstractEvents.MOUSEEVENT_EXITED));
        addListener(SWT.MouseVerticalWheel, this::wheel);
        addListener(SWT.KeyDown, e -> key(e, true));
        addListener(SWT.KeyUp, e -> key(e, false));
        addListener(SWT.FocusIn, e -> focus(true));
        addListener(SWT.FocusOut, e -> focus(false));
        addListener(SWT.Dispose, e -> stage.hide());
    }

    /** Shows a JavaFX scene in this canvas. */
    public void setScene(Scene scene) {
        checkWidget();
        stage.setScene(scene);
        if (!stage.isShowing()) {
            stage.show();
        }
        sendSize();
    }

    /** The pixels of the last frame painted, 0xAARRGGBB (premultiplied), or null. */
    public int[] lastFrame() {
        return lastFrame == null ? null : lastFrame.clone();
    }

    /** Size of {@link #lastFrame()}. */
    public Point lastFrameSize() {
        return new Point(frameWidth, frameHeight);
    }

    /** Frames painted so far. */
    public int frames() {
        return frames;
    }

    private void sendSize() {
        if (isDisposed()) {
            return;
        }
        Rectangle r = getClientArea();
        Point abs = toDisplay(0, 0);
        EmbeddedStageInterface sp = stagePeer;
        if (sp != null) {
            sp.setLocation(abs.x, abs.y);
            sp.setSize(r.width, r.height);
        }
        EmbeddedSceneInterface sc = scenePeer;
        if (sc != null) {
            sc.setSize(r.width, r.height);
        }
    }

    private void paint(GC gc) {
        Rectangle r = getClientArea();
        EmbeddedSceneInterface sc = scenePeer;
        if (r.width <= 0 || r.height <= 0) {
            return;
        }
        if (sc != null) {
            IntBuffer buffer = IntBuffer.allocate(r.width * r.height);
            // false while a size change is on its way; after growing, JavaFX may still hand over its previous,
            // smaller picture (the rest left transparent): such a partial frame is skipped (scenes here are opaque)
            if (sc.getPixels(buffer, r.width, r.height) && (buffer.get(r.width * r.height - 1) >>> 24) != 0) {
                lastFrame = buffer.array();
                frameWidth = r.width;
                frameHeight = r.height;
                frames++;
            }
        }
        if (lastFrame != null && frameWidth == r.width && frameHeight == r.height) {
            Frames.draw(gc, display, lastFrame, frameWidth, frameHeight);
        } else {
            gc.setBackground(display.getSystemColor(SWT.COLOR_WHITE));
            gc.fillRectangle(r);
            if (lastFrame != null) {
                Frames.draw(gc, display, lastFrame, frameWidth, frameHeight);
            }
        }
    }

    private void mouse(Event e, int type) {
        EmbeddedSceneInterface sc = scenePeer;
        if (sc == null) {
            return;
        }
        // SWT's stateMask is the state before the event: add the pressed button, drop the released one
        int state = e.stateMask;
        if (type == AbstractEvents.MOUSEEVENT_PRESSED) {
            state |= buttonMask(e.button);
        } else if (type == AbstractEvents.MOUSEEVENT_RELEASED) {
            state &= ~buttonMask(e.button);
        }
        int button = switch (e.button) {
            case 1 -> AbstractEvents.MOUSEEVENT_PRIMARY_BUTTON;
            case 2 -> AbstractEvents.MOUSEEVENT_MIDDLE_BUTTON;
            case 3 -> AbstractEvents.MOUSEEVENT_SECONDARY_BUTTON;
            default -> (state & SWT.BUTTON1) != 0 ? AbstractEvents.MOUSEEVENT_PRIMARY_BUTTON
                    : (state & SWT.BUTTON3) != 0 ? AbstractEvents.MOUSEEVENT_SECONDARY_BUTTON
                    : (state & SWT.BUTTON2) != 0 ? AbstractEvents.MOUSEEVENT_MIDDLE_BUTTON
                    : AbstractEvents.MOUSEEVENT_NONE_BUTTON;
        };
        Point abs = toDisplay(e.x, e.y);
        sc.mouseEvent(type, button, (state & SWT.BUTTON1) != 0, (state & SWT.BUTTON2) != 0, (state & SWT.BUTTON3) != 0,
                false, false, e.x, e.y, abs.x, abs.y, (e.stateMask & SWT.SHIFT) != 0, (e.stateMask & SWT.CTRL) != 0,
                (e.stateMask & SWT.ALT) != 0, (e.stateMask & SWT.COMMAND) != 0,
                type == AbstractEvents.MOUSEEVENT_PRESSED && e.button == 3);
    }

    private static int buttonMask(int button) {
        return switch (button) {
            case 1 -> SWT.BUTTON1;
            case 2 -> SWT.BUTTON2;
            case 3 -> SWT.BUTTON3;
            default -> 0;
        };
    }

    private void wheel(Event e) {
        EmbeddedSceneInterface sc = scenePeer;
        if (sc == null || e.count == 0) {
            return;
        }
        Point abs = toDisplay(e.x, e.y);
        // SWT counts lines (3 a notch); JavaFX expects pixels: 40 a notch, as for a mouse wheel
        double notches = e.count / 3.0;
        sc.scrollEvent(AbstractEvents.SCROLLEVENT_SCROLL, 0, notches, 0, notches, 40, 40, e.x, e.y, abs.x, abs.y,
                (e.stateMask & SWT.SHIFT) != 0, (e.stateMask & SWT.CTRL) != 0, (e.stateMask & SWT.ALT) != 0,
                (e.stateMask & SWT.COMMAND) != 0, false);
    }

    private void key(Event e, boolean down) {
        EmbeddedSceneInterface sc = scenePeer;
        if (sc == null) {
            return;
        }
        int mods = ((e.stateMask & SWT.SHIFT) != 0 ? AbstractEvents.MODIFIER_SHIFT : 0)
                | ((e.stateMask & SWT.CTRL) != 0 ? AbstractEvents.MODIFIER_CONTROL : 0)
                | ((e.stateMask & SWT.ALT) != 0 ? AbstractEvents.MODIFIER_ALT : 0)
                | ((e.stateMask & SWT.COMMAND) != 0 ? AbstractEvents.MODIFIER_META : 0);
        int code = fxKeyCode(e);
        char[] none = new char[0];
        sc.keyEvent(down ? AbstractEvents.KEYEVENT_PRESSED : AbstractEvents.KEYEVENT_RELEASED, code, none, mods);
        if (down && e.character != 0 && !Character.isISOControl(e.character)) {
            sc.keyEvent(AbstractEvents.KEYEVENT_TYPED, 0, new char[] { e.character }, mods);
        }
    }

    /** JavaFX key codes follow the AWT virtual key codes: letters and digits are their upper-case characters. */
    private static int fxKeyCode(Event e) {
        return switch (e.keyCode) {
            case SWT.ARROW_LEFT -> 0x25;
            case SWT.ARROW_UP -> 0x26;
            case SWT.ARROW_RIGHT -> 0x27;
            case SWT.ARROW_DOWN -> 0x28;
            case SWT.HOME -> 0x24;
            case SWT.END -> 0x23;
            case SWT.PAGE_UP -> 0x21;
            case SWT.PAGE_DOWN -> 0x22;
            case SWT.CR, SWT.KEYPAD_CR -> 0x0A;
            case SWT.ESC -> 0x1B;
            case SWT.TAB -> 0x09;
            case SWT.BS -> 0x08;
            case SWT.DEL -> 0x7F;
            case SWT.SHIFT -> 0x10;
            case SWT.CTRL -> 0x11;
            case SWT.ALT -> 0x12;
            default -> {
                int c = e.keyCode;
                if (c >= 'a' && c <= 'z') {
                    yield Character.toUpperCase(c);
                }
                yield (c >= '0' && c <= '9') || c == ' ' ? c : 0;
            }
        };
    }

    private void focus(boolean in) {
        EmbeddedStageInterface sp = stagePeer;
        if (sp != null) {
            sp.setFocused(in, in ? AbstractEvents.FOCUSEVENT_ACTIVATED : AbstractEvents.FOCUSEVENT_DEACTIVATED);
        }
    }

    /** What JavaFX calls back; {@link #repaint()} arrives on the renderer thread. */
    private final class Host implements HostInterface {
        @Override
        public void setEmbeddedStage(EmbeddedStageInterface peer) {
            stagePeer = peer;
            if (peer != null && !isDisposed()) {
                sendSize();
                if (isFocusControl()) {
                    peer.setFocused(true, AbstractEvents.FOCUSEVENT_ACTIVATED);
                }
            }
        }

        @Override
        public void setEmbeddedScene(EmbeddedSceneInterface peer) {
            scenePeer = peer;
            if (peer != null && !isDisposed()) {
                peer.setPixelScaleFactors(1, 1);
                sendSize();
            }
        }

        @Override
        public boolean requestFocus() {
            return !isDisposed() && setFocus();
        }

        @Override
        public boolean traverseFocusOut(boolean forward) {
            return !isDisposed() && traverse(forward ? SWT.TRAVERSE_TAB_NEXT : SWT.TRAVERSE_TAB_PREVIOUS);
        }

        @Override
        public void repaint() {
            if (redrawQueued.compareAndSet(false, true) && !display.isDisposed()) {
                display.asyncExec(() -> {
                    redrawQueued.set(false);
                    if (!isDisposed()) {
                        redraw();
                    }
                });
            }
        }

        @Override
        public void setPreferredSize(int width, int height) {
            // the canvas is sized by its SWT layout
        }

        @Override
        public void setEnabled(boolean enabled) {
            if (!isDisposed()) {
                EmbeddedFxCanvas.super.setEnabled(enabled);
            }
        }

        @Override
        public void setCursor(CursorFrame cursor) {
            // SWT keeps its own cursor
        }

        @Override
        public boolean grabFocus() {
            return false;
        }

        @Override
        public void ungrabFocus() {
            // no grab is taken
        }
    }
}
